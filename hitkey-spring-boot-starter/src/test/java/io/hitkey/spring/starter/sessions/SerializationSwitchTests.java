package io.hitkey.spring.starter.sessions;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hitkey.spring.starter.failures.Visitor;
import io.hitkey.spring.starter.failures.Visitor.Journey;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKeyUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.opentest4j.TestAbortedException;

import static io.hitkey.spring.starter.sessions.Browsers.API;
import static io.hitkey.spring.starter.sessions.Browsers.sessionId;
import static io.hitkey.spring.starter.sessions.Browsers.signedIn;
import static io.hitkey.spring.starter.sessions.Browsers.sub;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that switches how it writes session values, its instances stopped and
 * started again on the same store, while browsers keep their session cookies: what the
 * store holds was written the other way.
 */
@Tag("session-stores")
@TestInstance(Lifecycle.PER_CLASS)
abstract class SerializationSwitchTests {

	private static final List<FakeHitKeyUser> USERS = List.of(FakeHitKeyUser.of("Grace Hopper", "grace@example.com"),
			FakeHitKeyUser.of("Alan Turing", "alan@example.com"),
			FakeHitKeyUser.of("Edsger Dijkstra", "edsger@example.com"));

	private static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

	private String notInstalled;

	private SessionStore store;

	private FakeHitKey hitKey;

	private final List<Instance> started = new ArrayList<>();

	/**
	 * Start the store the instances share.
	 */
	abstract SessionStore startStore();

	/**
	 * Return the web stack of the instances: servlet, unless a subclass says otherwise.
	 */
	Instance.Stack stack() {
		return Instance.Stack.SERVLET;
	}

	@BeforeAll
	void startStoreAndHitKey() {
		try {
			this.store = startStore();
		}
		catch (TestAbortedException ex) {
			this.notInstalled = ex.getMessage();
			return;
		}
		this.hitKey = FakeHitKey.builder()
			.client("serialization-switch", "serialization-switch-secret-" + UUID.randomUUID())
			.users(USERS)
			.build()
			.start();
	}

	@BeforeEach
	void resetHitKey() {
		Assumptions.assumeTrue(this.notInstalled == null, this.notInstalled);
		this.hitKey.reset();
	}

	@AfterEach
	void stopInstances() {
		this.started.forEach(Instance::close);
		this.started.clear();
	}

	@AfterAll
	void stopAll() {
		for (AutoCloseable started : new AutoCloseable[] { this.hitKey, this.store }) {
			if (started != null) {
				try {
					started.close();
				}
				catch (Exception ex) {
					ex.printStackTrace();
				}
			}
		}
	}

	@Test
	void browsersSignedInOnJdkInstancesSignInAgainOnJsonInstancesNever500() {
		Instance jdk = start(SessionSerialization.JDK);
		FakeHitKeyUser user = USERS.get(0);
		Visitor browser = signedIn(jdk, this.hitKey, user);
		Visitor apiClient = signedIn(jdk, this.hitKey, USERS.get(1));
		String jdkSession = sessionId(browser, jdk);
		assertThat(SessionSerialization.JDK.wroteAnObject(this.store.attributes(jdkSession).get(SECURITY_CONTEXT)))
			.isTrue();
		jdk.close();
		Instance json = start(SessionSerialization.JSON);
		this.hitKey.autoApprove(user);

		HttpResponse<String> api = apiClient.get(json.url("/me"), API);
		Journey page = browser.browse(json.url("/me"));

		assertThat(api.statusCode()).as(api.body()).isEqualTo(401);
		System.out.println(stack() + " JDK -> JSON: " + page);
		assertThat(page.redirects()).as(page.toString()).isEqualTo(4);
		assertThat(page.hops().get(1).uri().getPath()).as(page.toString()).isEqualTo("/oauth2/authorization/hitkey");
		assertThat(page.hops().get(2).uri().getPort()).as("HitKey's authorize page").isEqualTo(this.hitKey.port());
		assertThat(page.hops().get(3).uri().getPath()).as(page.toString()).isEqualTo("/login/oauth2/code/hitkey");
		assertThat(page.page().statusCode()).as(page.toString()).isEqualTo(200);
		assertThat(page.page().uri().getPath()).isEqualTo("/me");
		assertThat(sub(page.page())).isEqualTo(user.sub().toString());
		assertThat(this.hitKey.tokenCalls("authorization_code")).as("signed in again").isEqualTo(3);
		String jsonSession = sessionId(browser, json);
		System.out.println(stack() + " JDK -> JSON, signed in again: " + this.store.footprint(jsonSession));
		Map<String, byte[]> attributes = this.store.attributes(jsonSession);
		assertThat(SessionSerialization.JSON.wroteAnObject(attributes.get(SECURITY_CONTEXT)))
			.as("the session now written as JSON")
			.isTrue();
		assertThat(attributes).as("nothing left of JDK serialization")
			.allSatisfy((name, bytes) -> assertThat(SessionSerialization.JDK.wrote(bytes)).as(name).isFalse());
		assertThat(sub(browser.get(json.url("/me"), API))).isEqualTo(user.sub().toString());
	}

	/**
	 * The other way round is Spring Session's own JDK deserializer reading JSON: it fails
	 * ({@code StreamCorruptedException}) on every request of such a session, until it
	 * expires or is deleted, and the starter has no part in it. Switching back needs the
	 * sessions cleared.
	 */
	@Test
	void browsersSignedInOnJsonInstancesGet500FromJdkInstancesUntilTheirSessionIsGone() {
		Instance json = start(SessionSerialization.JSON);
		FakeHitKeyUser user = USERS.get(2);
		Visitor browser = signedIn(json, this.hitKey, user);
		Visitor apiClient = signedIn(json, this.hitKey, USERS.get(1));
		json.close();
		Instance jdk = start(SessionSerialization.JDK);
		this.hitKey.autoApprove(user);

		HttpResponse<String> api = apiClient.get(jdk.url("/me"), API);
		Journey page = browser.browse(jdk.url("/me"));
		Journey again = browser.browse(jdk.url("/me"));

		System.out.println(stack() + " JSON -> JDK: API " + api.statusCode() + ", page " + page + ", again " + again);
		assertThat(api.statusCode()).isEqualTo(500);
		assertThat(page.redirects()).as(page.toString()).isZero();
		assertThat(page.page().statusCode()).isEqualTo(500);
		assertThat(again.redirects()).as(again.toString()).isZero();
		assertThat(again.page().statusCode()).isEqualTo(500);
		assertThat(this.hitKey.tokenCalls("authorization_code")).as("no sign-in again").isEqualTo(2);
	}

	private Instance start(SessionSerialization serialization) {
		Instance instance = Instance.start(stack(), this.store, this.hitKey, serialization.properties());
		this.started.add(instance);
		return instance;
	}

}
