package io.hitkey.spring.starter.sessions;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.hitkey.spring.starter.failures.Visitor;
import io.hitkey.spring.starter.failures.Visitor.Journey;
import io.hitkey.spring.starter.sessions.SessionStore.SessionFootprint;
import io.hitkey.spring.starter.sessions.SessionStore.StoredValue;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKeyFault;
import io.hitkey.spring.test.FakeHitKeyUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.opentest4j.TestAbortedException;

import org.springframework.web.util.UriComponentsBuilder;

import static io.hitkey.spring.starter.sessions.Browsers.API;
import static io.hitkey.spring.starter.sessions.Browsers.sessionId;
import static io.hitkey.spring.starter.sessions.Browsers.sub;
import static io.hitkey.spring.starter.sessions.Browsers.tokens;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of an application behind a load balancer, sharing one real session
 * store and one HitKey: a browser's requests may reach either instance, and whatever one
 * instance did in the session (a sign-in, a refresh, a logout, a failed sign-in) holds
 * on the other. The browser is one HTTP client with its own cookies; its cookies for
 * {@code localhost} go to both instances' ports, so sending a request to the other port
 * is what a load balancer does. Each subclass picks the store, and may pick the web
 * stack and the serialization of session values.
 */
@Tag("session-stores")
@TestInstance(Lifecycle.PER_CLASS)
abstract class SeveralInstancesTests {

	private static final String CLIENT_SECRET = "several-instances-secret-" + UUID.randomUUID();

	private static final List<FakeHitKeyUser> USERS = IntStream.rangeClosed(1, 20)
		.mapToObj((i) -> FakeHitKeyUser.of("User " + i, "user" + i + "@example.com"))
		.toList();

	/**
	 * The user whose session {@code SessionSizeTests} measures, here as the store holds
	 * it.
	 */
	private static final FakeHitKeyUser ADA = FakeHitKeyUser.of("Ada Lovelace", "ada@example.com")
		.withProjectRole("admin", "can_deploy", "can_review");

	private static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

	private static final String LAST_EXCEPTION = "SPRING_SECURITY_LAST_EXCEPTION";

	private static final String AUTHORIZED_CLIENT = "io.hitkey.spring.AUTHORIZED_CLIENT.hitkey";

	private static final Pattern ANY_SESSION_ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private String notInstalled;

	private SessionStore store;

	private FakeHitKey hitKey;

	private Instance a;

	private Instance b;

	/**
	 * Start the store the instances share.
	 */
	abstract SessionStore startStore();

	/**
	 * Return the web stack of both instances: servlet, unless a subclass says otherwise.
	 */
	Instance.Stack stack() {
		return Instance.Stack.SERVLET;
	}

	/**
	 * Return how both instances write session values: Spring Session's default, unless a
	 * subclass says otherwise.
	 */
	SessionSerialization serialization() {
		return SessionSerialization.JDK;
	}

	@BeforeAll
	void startStoreHitKeyAndTwoInstances() {
		try {
			this.store = startStore();
		}
		catch (TestAbortedException ex) {
			// Skipped test by test, each with the reason: Surefire shows an aborted @BeforeAll as no tests.
			this.notInstalled = ex.getMessage();
			return;
		}
		List<FakeHitKeyUser> users = new ArrayList<>(USERS);
		users.add(ADA);
		this.hitKey = FakeHitKey.builder().client("several-instances", CLIENT_SECRET).users(users).build().start();
		this.a = startInstance();
		this.b = startInstance();
	}

	/**
	 * Reset the fake HitKey, and start both instances again after a test stopped one.
	 * The other is started again too: in one JVM, after a WebFlux instance stopped, the
	 * Redis connection of the one that stayed up was seen to stop answering once (every
	 * command timed out after Lettuce's 60 seconds), cause not found. Instances of a
	 * real deployment run in JVMs of their own.
	 */
	@BeforeEach
	void resetHitKeyAndRestartStoppedInstance() {
		Assumptions.assumeTrue(this.notInstalled == null, this.notInstalled);
		this.hitKey.reset();
		if (!this.a.isRunning()) {
			this.b.close();
			this.a = startInstance();
			this.b = startInstance();
		}
	}

	@AfterAll
	void stopAll() {
		for (AutoCloseable started : new AutoCloseable[] { this.b, this.a, this.hitKey, this.store }) {
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
	void signInStartedOnOneInstanceFinishesOnTheOther() {
		FakeHitKeyUser user = USERS.get(0);
		Visitor browser = new Visitor(this.a.port());
		String callback = Visitor.location(signInAtHitKey(browser, this.a.url("/me"), user));
		assertThat(URI.create(callback).getPort()).as("the callback of the instance that started").isEqualTo(this.a.port());

		Journey finished = browser.browse(this.b.here(callback));

		assertThat(finished.hops().get(0).uri().getPort()).isEqualTo(this.b.port());
		assertThat(finished.redirects()).as(finished.toString()).isEqualTo(1);
		assertThat(finished.page().statusCode()).as(finished.toString()).isEqualTo(200);
		assertThat(finished.page().uri().getPath()).isEqualTo("/me");
		assertThat(sub(finished.page())).isEqualTo(user.sub().toString());
		assertThat(sub(browser.get(this.a.url("/me"), API))).isEqualTo(user.sub().toString());
		assertThat(sub(browser.get(this.b.url("/me"), API))).isEqualTo(user.sub().toString());
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(1);
	}

	@Test
	void tokenRefreshedOnOneInstanceIsUsedByTheOtherWithoutAnotherRefresh() {
		// Within Spring Security's 60 s clock skew: the first use of the token refreshes it.
		this.hitKey.accessTokenLifetime(Duration.ofSeconds(30));
		Visitor browser = signedIn(this.a, USERS.get(1));
		this.hitKey.accessTokenLifetime(Duration.ofHours(1));
		assertThat(this.hitKey.tokenCalls("refresh_token")).isZero();

		Map<String, String> refreshedOnB = tokens(browser, this.b);
		assertThat(this.hitKey.tokenCalls("refresh_token")).isEqualTo(1);
		Map<String, String> usedOnA = tokens(browser, this.a);

		assertThat(this.hitKey.tokenCalls("refresh_token")).as("A used B's refreshed token").isEqualTo(1);
		assertThat(usedOnA).isEqualTo(refreshedOnB);
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(1);
	}

	@Test
	void logoutOnOneInstanceEndsTheSessionOnTheOther() {
		Visitor browser = signedIn(this.a, USERS.get(2));
		String sessionBeforeLogout = browser.cookie(Browsers.SESSION_COOKIE).orElseThrow().getValue();
		Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
			.matcher(browser.get(this.a.url("/logout")).body());
		assertThat(csrf.find()).isTrue();

		HttpResponse<String> logout = browser.post(this.a.url("/logout"), Map.of("_csrf", csrf.group(1)));

		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(browser.get(this.b.url("/me"), API).statusCode()).isEqualTo(401);
		Journey fromABrowser = browser.browse(this.b.url("/me"));
		assertThat(fromABrowser.redirects()).as(fromABrowser.toString()).isEqualTo(2);
		assertThat(fromABrowser.hops().get(1).uri().getPath()).isEqualTo("/oauth2/authorization/hitkey");
		assertThat(fromABrowser.page().uri().getPort()).as("HitKey's sign-in page").isEqualTo(this.hitKey.port());
		Visitor replay = new Visitor(this.b.port());
		assertThat(replay.get(this.b.url("/me"), Map.of("Accept", "application/json", "Cookie",
				Browsers.SESSION_COOKIE + "=" + sessionBeforeLogout)).statusCode()).as("the old session is gone")
			.isEqualTo(401);
	}

	@Test
	void twentyConcurrentUsersHoppingOnEveryRequestEachSeeOnlyTheirOwnSub() throws Exception {
		List<Callable<List<HttpResponse<String>>>> users = new ArrayList<>();
		for (FakeHitKeyUser user : USERS) {
			users.add(() -> {
				Visitor browser = new Visitor(this.a.port(), new LoadBalancer(List.of(this.a, this.b)));
				Journey signIn = browser.follow(signInAtHitKey(browser, "/me", user));
				assertThat(signIn.redirects()).as(signIn.toString()).isEqualTo(2);
				List<HttpResponse<String>> answers = new ArrayList<>(List.of(signIn.page()));
				for (int i = 0; i < 6; i++) {
					answers.add(browser.get("/me", API));
				}
				return answers;
			});
		}

		List<List<HttpResponse<String>>> answers = concurrently(users);

		for (int i = 0; i < USERS.size(); i++) {
			String sub = USERS.get(i).sub().toString();
			assertThat(answers.get(i)).allSatisfy((answer) -> {
				assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(200);
				assertThat(sub(answer)).isEqualTo(sub);
			});
			assertThat(answers.get(i).stream().map((answer) -> answer.uri().getPort()).collect(Collectors.toSet()))
				.as("served by both instances")
				.isEqualTo(Set.of(this.a.port(), this.b.port()));
		}
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(USERS.size());
	}

	@Test
	void usersOfAStoppedInstanceStaySignedInOnTheOther() {
		List<FakeHitKeyUser> users = USERS.subList(3, 6);
		List<Visitor> browsers = users.stream().map((user) -> signedIn(this.a, user)).toList();
		List<Map<String, String>> tokensOnA = browsers.stream().map((browser) -> tokens(browser, this.a)).toList();

		this.a.close();

		for (int i = 0; i < users.size(); i++) {
			Visitor browser = browsers.get(i);
			Journey page = browser.browse(this.b.url("/me"));
			assertThat(page.redirects()).as(page.toString()).isZero();
			assertThat(page.page().statusCode()).isEqualTo(200);
			assertThat(sub(page.page())).isEqualTo(users.get(i).sub().toString());
			assertThat(tokens(browser, this.b)).isEqualTo(tokensOnA.get(i));
		}
		assertThat(this.hitKey.tokenCalls("authorization_code")).as("no one signed in again").isEqualTo(users.size());
	}

	@Test
	void storeHoldsNoClientSecretCodeOrToken() {
		Map<String, String> secrets = new LinkedHashMap<>();
		secrets.put("the client secret", CLIENT_SECRET);
		this.hitKey.accessTokenLifetime(Duration.ofSeconds(30));
		Visitor first = new Visitor(this.a.port());
		String firstCallback = Visitor.location(signInAtHitKey(first, this.a.url("/me"), USERS.get(6)));
		secrets.put("the first authorization code", codeOf(firstCallback));
		assertThat(first.browse(this.b.here(firstCallback)).page().statusCode()).isEqualTo(200);
		this.hitKey.accessTokenLifetime(Duration.ofHours(1));
		Map<String, String> refreshed = tokens(first, this.b);
		assertThat(this.hitKey.tokenCalls("refresh_token")).isEqualTo(1);
		secrets.put("the refreshed access token", refreshed.get("accessToken"));
		secrets.put("the first refresh token", refreshed.get("refreshToken"));
		Visitor second = new Visitor(this.b.port());
		String secondCallback = Visitor.location(signInAtHitKey(second, this.b.url("/me"), USERS.get(7)));
		secrets.put("the second authorization code", codeOf(secondCallback));
		assertThat(second.browse(secondCallback).page().statusCode()).isEqualTo(200);
		Map<String, String> secondTokens = tokens(second, this.a);
		secrets.put("the second access token", secondTokens.get("accessToken"));
		secrets.put("the second refresh token", secondTokens.get("refreshToken"));
		Visitor refused = new Visitor(this.a.port());
		String refusedCallback = Visitor.location(signInAtHitKey(refused, this.a.url("/me"), USERS.get(11)));
		secrets.put("the code of a sign-in HitKey refused", codeOf(refusedCallback));
		this.hitKey.failNext(FakeHitKey.Endpoint.TOKEN, 1,
				FakeHitKeyFault.error(400, "Invalid or expired authorization code"));
		Journey refusedSignIn = refused.browse(this.b.here(refusedCallback));
		assertThat(Browsers.pathAndQuery(refusedSignIn.page())).as(refusedSignIn.toString()).isEqualTo("/login?error");
		// Every code and token the fake issues starts with one of these.
		secrets.put("an authorization code (hkc_)", "hkc_");
		secrets.put("an access token (hkat_)", "hkat_");
		secrets.put("a refresh token (hkrt_)", "hkrt_");

		List<StoredValue> stored = this.store.everything();

		assertThat(stored).as("the sessions of both users, read from the store")
			.anyMatch((value) -> contains(value.bytes(), USERS.get(6).sub().toString()))
			.anyMatch((value) -> contains(value.bytes(), USERS.get(7).sub().toString()));
		// Where, with every session's id alike: each place once, whatever the session.
		Set<String> found = new TreeSet<>();
		for (StoredValue value : stored) {
			secrets.forEach((name, secret) -> {
				if (contains(value.bytes(), secret)) {
					found.add(ANY_SESSION_ID.matcher(value.where()).replaceAll("<id>") + " holds " + name);
				}
			});
		}
		assertThat(found).as("secrets in the session store").isEmpty();
	}

	@Test
	void signInsStartedInSixConcurrentTabsOfOneSessionAllSucceed() throws Exception {
		FakeHitKeyUser user = USERS.get(8);
		Visitor browser = new Visitor(this.a.port());
		assertThat(browser.get(this.a.url("/me")).statusCode()).isEqualTo(302);
		assertThat(browser.cookie(Browsers.SESSION_COOKIE)).as("a session").isPresent();
		List<Instance> tabs = IntStream.range(0, 6).mapToObj((i) -> (i % 2 == 0) ? this.a : this.b).toList();

		List<HttpResponse<String>> toHitKey = concurrently(tabs.stream()
			.<Callable<HttpResponse<String>>>map((tab) -> () -> browser.get(tab.url("/oauth2/authorization/hitkey")))
			.toList());

		assertThat(toHitKey).allSatisfy((answer) -> assertThat(answer.statusCode())
			.as(answer.uri() + " answered " + answer.statusCode() + ": " + answer.body())
			.isEqualTo(302));
		for (int i = 0; i < tabs.size(); i++) {
			HttpResponse<String> signInPage = browser.get(Visitor.location(toHitKey.get(i)));
			assertThat(signInPage.statusCode()).isEqualTo(200);
			String callback = Visitor.location(Browsers.pickUser(browser, signInPage, user));
			Journey tab = browser.browse(other(tabs.get(i)).here(callback));
			String description = "tab " + (i + 1) + ": " + tab;
			assertThat(this.hitKey.tokenCalls("authorization_code")).as("code exchanged, " + description)
				.isEqualTo(i + 1);
			assertThat(tab.redirects()).as(description).isEqualTo(1);
			assertThat(tab.page().statusCode()).as(description).isEqualTo(200);
			assertThat(tab.page().uri().getPath()).as("the page asked for, or home: " + description).isIn("/me", "/");
		}
		assertThat(sub(browser.get(this.a.url("/me"), API))).isEqualTo(user.sub().toString());
		assertThat(sub(browser.get(this.b.url("/me"), API))).isEqualTo(user.sub().toString());
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(tabs.size());
	}

	@Test
	void tabsRestoredAtProtectedPagesAtTheSameMomentAreAllSentToSignInAndOneSignsIn() throws Exception {
		Visitor browser = new Visitor(this.a.port());
		assertThat(browser.get(this.a.url("/oauth2/authorization/hitkey")).statusCode()).isEqualTo(302);
		assertThat(browser.cookie(Browsers.SESSION_COOKIE)).as("a session, with no page to return to yet").isPresent();
		List<String> pages = IntStream.range(0, 6)
			.mapToObj((i) -> ((i % 2 == 0) ? this.a : this.b).url("/me?tab=" + i))
			.toList();

		List<HttpResponse<String>> restored = concurrently(
				pages.stream().<Callable<HttpResponse<String>>>map((page) -> () -> browser.get(page)).toList());

		assertThat(restored).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).as(answer.uri() + " answered " + answer.statusCode() + ": " + answer.body())
				.isEqualTo(302);
			assertThat(URI.create(Visitor.location(answer)).getPath()).isEqualTo("/oauth2/authorization/hitkey");
		});
		HttpResponse<String> signInPage = browser.get(Visitor.location(browser.get(Visitor.location(restored.get(0)))));
		String callback = Visitor.location(Browsers.pickUser(browser, signInPage, USERS.get(11)));
		Journey signedIn = browser.browse(callback);
		assertThat(signedIn.redirects()).as(signedIn.toString()).isEqualTo(1);
		assertThat(signedIn.page().statusCode()).as(signedIn.toString()).isEqualTo(200);
		assertThat(signedIn.page().uri().getPath()).as("one of the restored pages: " + signedIn).isEqualTo("/me");
		assertThat(sub(signedIn.page())).isEqualTo(USERS.get(11).sub().toString());
	}

	@Test
	void signedInSessionTakesAtMostItsLimitInTheStore() {
		Visitor browser = signedIn(this.a, ADA);
		tokens(browser, this.b);

		SessionFootprint footprint = this.store.footprint(sessionId(browser, this.a));

		System.out.println(stack() + " " + serialization() + ": " + footprint);
		assertThat(footprint.bytesByAttribute()).containsKeys(SECURITY_CONTEXT, AUTHORIZED_CLIENT);
		assertThat(footprint.attributeBytes()).as(footprint.toString())
			.isLessThanOrEqualTo(serialization().maxSignedInBytes());
	}

	@Test
	void storeHoldsTheSessionInTheInstancesSerialization() {
		FakeHitKeyUser user = USERS.get(9);
		Visitor browser = signedIn(this.a, user);
		tokens(browser, this.b);

		Map<String, byte[]> attributes = this.store.attributes(sessionId(browser, this.a));

		assertThat(attributes).containsKeys(SECURITY_CONTEXT, AUTHORIZED_CLIENT);
		assertThat(serialization().wroteAnObject(attributes.get(SECURITY_CONTEXT)))
			.as(SECURITY_CONTEXT + " written by " + serialization() + ": " + preview(attributes.get(SECURITY_CONTEXT)))
			.isTrue();
		assertThat(contains(attributes.get(SECURITY_CONTEXT), user.sub().toString())).isTrue();
		// Removed attributes (the pending sign-in, the saved request) stay in a Redis hash as no bytes.
		attributes.forEach((name, bytes) -> assertThat(bytes.length == 0 || serialization().wrote(bytes))
			.as(name + " written by " + serialization() + ": " + preview(bytes))
			.isTrue());
	}

	@Test
	void signInFailingAtHitKeyEndsOnTheLoginErrorPageOfEitherInstance() {
		Visitor browser = new Visitor(this.a.port());
		String callback = Visitor.location(signInAtHitKey(browser, this.a.url("/me"), USERS.get(10)));
		this.hitKey.failNext(FakeHitKey.Endpoint.TOKEN, 1,
				FakeHitKeyFault.error(400, "Invalid or expired authorization code"));

		Journey failed = browser.browse(this.b.here(callback));

		assertThat(failed.redirects()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.hops().get(0).uri().getPath()).as(failed.toString()).isEqualTo("/login/oauth2/code/hitkey");
		assertThat(failed.page().uri().getPort()).as(failed.toString()).isEqualTo(this.b.port());
		assertThat(Browsers.pathAndQuery(failed.page())).as(failed.toString()).isEqualTo("/login?error");
		assertThat(failed.page().statusCode()).as(failed + " " + failed.page().body()).isEqualTo(200);
		assertThat(failed.page().body()).contains("Login with OAuth 2.0");
		Journey onA = browser.browse(this.a.url("/login?error"));
		assertThat(onA.redirects()).as(onA.toString()).isZero();
		assertThat(onA.page().statusCode()).as(onA.page().body()).isEqualTo(200);
		assertThat(onA.page().body()).isEqualTo(failed.page().body());
		assertThat(this.hitKey.tokenCalls("authorization_code")).isEqualTo(1);
		assertThat(browser.get(this.a.url("/me"), API).statusCode()).isEqualTo(401);
		assertThat(browser.get(this.b.url("/me"), API).statusCode()).isEqualTo(401);
		String sessionId = sessionId(browser, this.a);
		Map<String, byte[]> attributes = this.store.attributes(sessionId);
		System.out.println(stack() + " " + serialization() + ", failed sign-in: " + failed + "; "
				+ this.store.footprint(sessionId));
		assertThat(attributes).doesNotContainKey(SECURITY_CONTEXT).containsKey(LAST_EXCEPTION);
		byte[] lastException = attributes.get(LAST_EXCEPTION);
		assertThat(serialization().wroteAnObject(lastException))
			.as(LAST_EXCEPTION + " written by " + serialization() + ": " + preview(lastException))
			.isTrue();
		// Spring Security's login page says "Invalid credentials" whatever the exception: HitKey's message is here.
		assertThat(contains(lastException, "Invalid or expired authorization code")).isTrue();
	}

	private Instance startInstance() {
		return Instance.start(stack(), this.store, this.hitKey, serialization().properties());
	}

	private Visitor signedIn(Instance instance, FakeHitKeyUser user) {
		return Browsers.signedIn(instance, this.hitKey, user);
	}

	private HttpResponse<String> signInAtHitKey(Visitor browser, String protectedPage, FakeHitKeyUser user) {
		return Browsers.signInAtHitKey(browser, protectedPage, this.hitKey, user);
	}

	private Instance other(Instance instance) {
		return (instance == this.a) ? this.b : this.a;
	}

	private static String preview(byte[] bytes) {
		return new String(bytes, 0, Math.min(bytes.length, 80), StandardCharsets.ISO_8859_1);
	}

	private static String codeOf(String callback) {
		String code = UriComponentsBuilder.fromUriString(callback).build().getQueryParams().getFirst("code");
		assertThat(code).as(callback).isNotBlank();
		return code;
	}

	private static boolean contains(byte[] bytes, String text) {
		byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
		outer: for (int i = 0; i <= bytes.length - wanted.length; i++) {
			for (int j = 0; j < wanted.length; j++) {
				if (bytes[i + j] != wanted[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	/**
	 * Run the given tasks at the same moment, one thread each; return their results in
	 * order.
	 */
	private static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(150, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
