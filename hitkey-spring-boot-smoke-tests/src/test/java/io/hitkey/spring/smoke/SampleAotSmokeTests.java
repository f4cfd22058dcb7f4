package io.hitkey.spring.smoke;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample, built with its {@code aot} profile (Spring Boot's AOT processing) and started
 * on the JVM with its AOT initializers in demo mode, signs a user in against the fake
 * HitKey that demo mode starts.
 *
 * @author HitKey
 */
class SampleAotSmokeTests {

	private static final Pattern DEMO_MODE = Pattern.compile("Demo mode: signing in against a fake HitKey at (\\S+)\\.");

	@Test
	void sampleBuiltWithAotProcessingSignsInInDemoMode() throws Exception {
		Applications applications = Applications.built();
		SmokeBuild build = applications.build();
		Path jar = applications.sampleJar();
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=0");
		try (ChildProcess sample = ChildProcess.start("sample-aot", jar.getParent(), build.log("sample-aot"), command)) {
			URI origin = SignIns.awaitStartedWithAot(sample, build);
			String hitKey = sample.awaitOutput(DEMO_MODE, Duration.ofSeconds(30)).group(1);
			Browser browser = new Browser();
			HttpResponse<String> home = browser.open(origin.resolve("/profile"));
			assertThat(home.uri().getPath()).isEqualTo("/");
			assertThat(home.body()).contains("href=\"/oauth2/authorization/hitkey\"");
			HttpResponse<String> signInPage = browser.open(origin.resolve("/oauth2/authorization/hitkey"));
			assertThat(signInPage.uri().toString()).startsWith(hitKey + "/?");
			HttpResponse<String> profile = browser.signInAs(signInPage, SignIns.ADA.sub());
			assertThat(profile.statusCode()).isEqualTo(200);
			assertThat(profile.body()).contains("Ada Lovelace").contains(SignIns.ADA.sub().toString());
			String app = Pattern.quote(origin.toString());
			String fake = Pattern.quote(hitKey);
			assertThat(browser.hops()).hasSize(7)
				.satisfies((hops) -> assertThat(hops.get(0)).matches("GET " + app + "/profile -> 302"))
				.satisfies((hops) -> assertThat(hops.get(1)).matches("GET " + app + "/ -> 200"))
				.satisfies((hops) -> assertThat(hops.get(2)).matches("GET " + app + "/oauth2/authorization/hitkey -> 302"))
				.satisfies((hops) -> assertThat(hops.get(3)).matches("GET " + fake + "/\\?.*client_id=.* -> 200"))
				.satisfies((hops) -> assertThat(hops.get(4)).matches("POST " + fake + "/approve -> 302"))
				.satisfies((hops) -> assertThat(hops.get(5)).matches("GET " + app + "/login/oauth2/code/hitkey\\?.* -> 302"))
				.satisfies((hops) -> assertThat(hops.get(6)).matches("GET " + app + "/profile(\\?continue)? -> 200"));
		}
	}

}
