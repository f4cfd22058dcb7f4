package io.hitkey.spring.autoconfigure;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HitKey answers that are off the documented shape, over real HTTP with the starter's
 * default filter chain and a browser that follows every redirect: a token answer with an
 * unusable {@code expires_in} signs the user in for HitKey's hour, a userinfo answer
 * that cannot be read ends on the login error page, never on a 500.
 */
@SpringBootTest(classes = SignInTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hitkey.scopes=profile,email,project:read" })
@ExtendWith(OutputCaptureExtension.class)
class HitKeyAnswersIntegrationTests extends SignInIntegrationTestSupport {

	private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final String CODE = "code-answers-5f2c";

	private static final String ACCESS_TOKEN = "at-answers-9d41";

	private static final String REFRESH_TOKEN = "rt-answers-7be0";

	@ParameterizedTest(name = "expires_in: {0}")
	@ValueSource(strings = { "", "\"soon\"", "-5", "1e300", "9223372036854775807" })
	void aTokenAnswerWithAnUnusableExpiresInSignsInForAnHourWithOneWarning(String expiresIn,
			CapturedOutput output) {
		String field = expiresIn.isEmpty() ? "" : ",\"expires_in\":" + expiresIn;
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code").willReturn(okJson("""
				{"access_token":"%s","refresh_token":"%s","token_type":"Bearer","scope":"openid profile"%s}
				""".formatted(ACCESS_TOKEN, REFRESH_TOKEN, field))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(HitKeyStubs.USERINFO)));

		Visit visit = visit("/token");

		assertThat(visit.hops()).hasSize(3);
		assertThat(visit.hops().get(2)).endsWith("/token?continue");
		assertThat(visit.page().statusCode()).isEqualTo(200);
		assertThat(visit.page().body()).isEqualTo(ACCESS_TOKEN);
		for (int i = 0; i < 3; i++) {
			HttpResponse<String> lifetime = this.browser.get("/token-lifetime", "application/json");
			assertThat(lifetime.statusCode()).isEqualTo(200);
			assertThat(Long.parseLong(lifetime.body())).isEqualTo(3600);
		}
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
		hitKey.verify(0, postRequestedFor(urlEqualTo("/oauth/token"))
			.withRequestBody(equalToJson("{\"grant_type\":\"refresh_token\"}", true, true)));
		hitKey.verify(1, getRequestedFor(urlEqualTo("/oauth/userinfo")));
		assertThat(output.toString().split("HitKey's token response has (no|an unusable) expires_in", -1))
			.hasSize(2);
		assertThat(output).doesNotContain(REFRESH_TOKEN)
			.doesNotContain(CODE)
			.doesNotContain(HitKeyStubs.CLIENT_SECRET);
	}

	@ParameterizedTest(name = "userinfo: {0}")
	@CsvSource(delimiter = '|', textBlock = """
			200 with an empty body | HitKey userinfo answer is empty
			302 to another host    | HitKey answered HTTP 302
			""")
	void aUserinfoAnswerThatCannotBeReadEndsOnTheLoginErrorPage(String answer, String description,
			CapturedOutput output) {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(okJson(HitKeyStubs.tokenResponse(ACCESS_TOKEN, REFRESH_TOKEN, 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(answer.startsWith("200")
				? aResponse().withStatus(200).withHeader("Content-Type", "application/json")
				: aResponse().withStatus(302).withHeader("Location", "http://attacker.example/userinfo")));

		Visit visit = visit("/me");

		assertEndedOnTheLoginErrorPage(visit, output);
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
		hitKey.verify(1, getRequestedFor(urlEqualTo("/oauth/userinfo")));
		assertThat(this.failures.last()).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
				(ex) -> assertThat(ex.getError().getDescription()).isEqualTo(description));
	}

	@Test
	void aTokenAnswerThatRedirectsToAnotherHostEndsOnTheLoginErrorPage(CapturedOutput output) {
		hitKey.stubFor(HitKeyStubs.tokenRequest("authorization_code")
			.willReturn(aResponse().withStatus(302).withHeader("Location", "http://attacker.example/token")));

		Visit visit = visit("/me");

		assertEndedOnTheLoginErrorPage(visit, output);
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
		hitKey.verify(0, getRequestedFor(urlEqualTo("/oauth/userinfo")));
		assertThat(this.failures.last()).isInstanceOfSatisfying(OAuth2AuthenticationException.class,
				(ex) -> assertThat(ex.getError().getDescription()).isEqualTo("HitKey answered HTTP 302"));
	}

	private void assertEndedOnTheLoginErrorPage(Visit visit, CapturedOutput output) {
		assertThat(visit.hops()).hasSize(3);
		assertThat(visit.hops().get(2)).endsWith("/login?error");
		assertThat(visit.page().statusCode()).isEqualTo(200);
		assertThat(visit.page().body()).contains("/oauth2/authorization/hitkey")
			.doesNotContain("Exception")
			.doesNotContain("at org.")
			.doesNotContain(HitKeyStubs.CLIENT_SECRET);
		assertThat(this.browser.get("/me", "application/json").statusCode()).isEqualTo(401);
		assertThat(output).doesNotContain(CODE).doesNotContain(ACCESS_TOKEN).doesNotContain(REFRESH_TOKEN);
	}

	/**
	 * Ask for the given page as a browser and follow every redirect, with a HitKey that
	 * approves the sign-in at once, until a page renders.
	 */
	private Visit visit(String path) {
		List<String> hops = new ArrayList<>();
		URI current = URI.create("http://localhost:" + this.port + path);
		HttpResponse<String> response = this.browser.get(current.toString(), HTML);
		while (response.statusCode() / 100 == 3) {
			assertThat(hops).as("redirects so far").hasSizeLessThan(10);
			current = current.resolve(SignInClient.location(response));
			hops.add(current.toString());
			response = current.toString().startsWith(hitKey.baseUrl()) ? this.browser.callback(current, CODE)
					: this.browser.get(current.toString(), HTML);
		}
		return new Visit(hops, response);
	}

	private record Visit(List<String> hops, HttpResponse<String> page) {
	}

}
