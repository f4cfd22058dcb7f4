package io.hitkey.spring.sample;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.hitkey.spring.autoconfigure.HitKeyProperties;
import io.hitkey.spring.test.FakeHitKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample starts a fake HitKey only when no HitKey credentials are set; instances run
 * with the shared-sessions profile share one.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoModeTests {

	@Test
	void withoutCredentialsTheSampleRunsAgainstAFakeHitKey(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run()) {
			FakeHitKey hitKey = context.getBean(FakeHitKey.class);
			assertThat(context.getEnvironment().getProperty("hitkey.api-url")).isEqualTo(hitKey.apiUrl());
			assertThat(context.getEnvironment().getProperty("hitkey.client-id")).isEqualTo(hitKey.clientId());
			assertThat(output).contains("Demo mode: signing in against a fake HitKey at " + hitKey.authUrl())
				.contains("set HITKEY_CLIENT_ID and HITKEY_CLIENT_SECRET");
		}
	}

	@Test
	void withCredentialsTheSampleUsesTheConfiguredHitKey(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run("--hitkey.client-id=real-client",
				"--hitkey.client-secret=real-secret")) {
			assertThat(context.getBeanProvider(FakeHitKey.class).getIfAvailable()).isNull();
			assertThat(context.getBean(HitKeyProperties.class).getApiUrl()).isEqualTo("https://api.hitkey.io");
			assertThat(output).doesNotContain("Demo mode");
		}
	}

	@Test
	void withSharedSessionsASecondInstanceSignsInAgainstTheFirstInstancesFakeHitKey(CapturedOutput output)
			throws Exception {
		String[] args = { "--spring.profiles.active=shared-sessions", "--sample.demo-hitkey.port=" + freePort() };
		try (ConfigurableApplicationContext first = run(args); ConfigurableApplicationContext second = run(args)) {
			FakeHitKey hitKey = first.getBean(FakeHitKey.class);
			assertThat(second.getBeanProvider(FakeHitKey.class).getIfAvailable()).isNull();
			assertThat(output).contains("Demo mode: signing in against a fake HitKey at " + hitKey.authUrl()
					+ ", which another instance of the sample started");
			hitKey.autoApprove(hitKey.users().get(0));
			HttpClient browser = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NORMAL)
				.build();
			URI signIn = URI.create("http://localhost:" + second.getEnvironment().getProperty("local.server.port")
					+ "/oauth2/authorization/hitkey");
			HttpResponse<String> profile = browser.send(HttpRequest.newBuilder(signIn).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(profile.uri().getPath()).isEqualTo("/profile");
			assertThat(profile.body()).contains("Ada Lovelace");
			assertThat(hitKey.tokenCalls("authorization_code")).isOne();
		}
	}

	@Test
	void demoModeShowsHitKeysHealthToEveryoneAndItsMetricsToSignedInUsers() throws Exception {
		try (ConfigurableApplicationContext context = run()) {
			FakeHitKey hitKey = context.getBean(FakeHitKey.class);
			String origin = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			HttpClient anonymous = HttpClient.newHttpClient();
			HttpResponse<String> health = anonymous.send(
					HttpRequest.newBuilder(URI.create(origin + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body())
				.contains("\"hitkey\":{\"details\":{\"apiUrl\":\"" + hitKey.apiUrl() + "\"},\"status\":\"UP\"}");
			HttpResponse<String> metricsAnonymously = anonymous.send(HttpRequest
				.newBuilder(URI.create(origin + "/actuator/metrics/hitkey.signin"))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(metricsAnonymously.statusCode()).isEqualTo(401);

			hitKey.autoApprove(hitKey.users().get(0));
			HttpClient browser = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NORMAL)
				.build();
			browser.send(HttpRequest.newBuilder(URI.create(origin + "/oauth2/authorization/hitkey")).build(),
					HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> signIns = browser.send(HttpRequest
				.newBuilder(URI.create(origin + "/actuator/metrics/hitkey.signin?tag=outcome:success"))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(signIns.statusCode()).isEqualTo(200);
			assertThat(signIns.body()).contains("{\"statistic\":\"COUNT\",\"value\":1.0}");
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static ConfigurableApplicationContext run(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		return SpringApplication.run(SampleApplication.class, all);
	}

}
