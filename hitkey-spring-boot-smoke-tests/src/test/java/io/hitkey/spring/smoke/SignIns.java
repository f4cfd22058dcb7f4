package io.hitkey.spring.smoke;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKeyUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starting an application of a smoke test and signing in to it as a browser does.
 *
 * @author HitKey
 */
final class SignIns {

	static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	private static final Pattern STARTED = Pattern.compile("Started \\w+ in [0-9.]+ seconds");

	private static final Pattern PORT = Pattern.compile("(?:Tomcat|Netty) started on port (\\d+)");

	/**
	 * The fake HitKey's first test user, Ada Lovelace, whose display name is "Ada".
	 */
	static final FakeHitKeyUser ADA = FakeHitKey.builder().build().users().get(0);

	private SignIns() {
	}

	/**
	 * Start the application's jar on this JVM's Java with AOT processing's initializers
	 * ({@code -Dspring.aot.enabled=true}), signing in against the given fake HitKey.
	 */
	static ChildProcess startAotJar(SmokeBuild build, String name, Path jar, FakeHitKey hitKey, String... arguments)
			throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=0",
				"--hitkey.auth-url=" + hitKey.authUrl(), "--hitkey.api-url=" + hitKey.apiUrl(),
				"--hitkey.client-id=" + hitKey.clientId(), "--hitkey.client-secret=" + hitKey.clientSecret()));
		command.addAll(List.of(arguments));
		return ChildProcess.start(name, jar.getParent(), build.log(name), command);
	}

	/**
	 * Wait until the application has started with its AOT initializers on the Spring Boot
	 * version under test, and return its origin.
	 */
	static URI awaitStartedWithAot(ChildProcess application, SmokeBuild build) {
		application.awaitOutput(STARTED, STARTUP_TIMEOUT);
		assertThat(application.output()).contains(":: Spring Boot ::")
			.contains("(v" + build.springBootVersion() + ")")
			.containsPattern("Starting AOT-processed \\w+");
		return URI.create("http://localhost:" + application.awaitOutput(PORT, Duration.ofSeconds(1)).group(1));
	}

	/**
	 * Open {@code /me} as a browser, sign in as {@link #ADA} on the fake HitKey's page and
	 * follow every redirect back to {@code /me}: six requests in all.
	 */
	static void assertSignsInAtMe(URI origin) throws IOException, InterruptedException {
		Browser browser = new Browser();
		HttpResponse<String> signInPage = browser.open(origin.resolve("/me"));
		assertThat(signInPage.body()).contains("Fake HitKey").contains("Sign in with HitKey");
		HttpResponse<String> me = browser.signInAs(signInPage, ADA.sub());
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).isEqualTo("Hello Ada (" + ADA.sub() + ")");
		String app = Pattern.quote(origin.toString());
		assertThat(browser.hops()).hasSize(6)
			.satisfies((hops) -> assertThat(hops.get(0)).matches("GET " + app + "/me -> 302"))
			.satisfies((hops) -> assertThat(hops.get(1)).matches("GET " + app + "/oauth2/authorization/hitkey -> 302"))
			.satisfies((hops) -> assertThat(hops.get(2)).matches("GET http://[^/]+/\\?.*client_id=.* -> 200"))
			.satisfies((hops) -> assertThat(hops.get(3)).matches("POST http://[^/]+/approve -> 302"))
			.satisfies((hops) -> assertThat(hops.get(4))
				.matches("GET " + app + "/login/oauth2/code/hitkey\\?code=.*&state=.* -> 302"))
			.satisfies((hops) -> assertThat(hops.get(5)).matches("GET " + app + "/me(\\?continue)? -> 200"));
	}

}
