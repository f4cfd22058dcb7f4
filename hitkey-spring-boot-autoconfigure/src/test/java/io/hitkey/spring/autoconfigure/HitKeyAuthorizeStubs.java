package io.hitkey.spring.autoconfigure;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * WireMock stand-ins for HitKey's authorize page ({@code auth-url} + {@code /}): a page
 * that waits for the user, a user who approves at once, or one who refuses.
 */
final class HitKeyAuthorizeStubs {

	static final String PAGE = "<html><body><h1>Sign in with HitKey</h1></body></html>";

	private HitKeyAuthorizeStubs() {
	}

	/**
	 * HitKey shows its sign-in page and waits.
	 */
	static void waits(WireMockServer hitKey) {
		hitKey.stubFor(get(urlPathEqualTo("/")).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(PAGE)));
	}

	/**
	 * The user approves at once: HitKey sends the browser back with the given code.
	 */
	static void approves(WireMockServer hitKey, String code) {
		hitKey.stubFor(get(urlPathEqualTo("/")).willReturn(back("code=" + code)));
	}

	/**
	 * The user approves each sign-in at once, with the given codes in turn (the last
	 * one for every further sign-in).
	 */
	static void approves(WireMockServer hitKey, String... codes) {
		for (int i = 0; i < codes.length; i++) {
			hitKey.stubFor(get(urlPathEqualTo("/")).inScenario("sign-ins")
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "sign-in " + i)
				.willSetStateTo("sign-in " + Math.min(i + 1, codes.length - 1))
				.willReturn(back("code=" + codes[i])));
		}
		// A scenario outlives the reset of its stubs: start it over.
		hitKey.resetScenarios();
	}

	/**
	 * The user refuses: HitKey sends the browser back with {@code error=access_denied}.
	 */
	static void refuses(WireMockServer hitKey) {
		hitKey.stubFor(get(urlPathEqualTo("/")).willReturn(back("error=access_denied")));
	}

	static int visits(WireMockServer hitKey) {
		return hitKey.countRequestsMatching(getRequestedFor(urlPathEqualTo("/")).build()).getCount();
	}

	private static ResponseDefinitionBuilder back(String result) {
		return aResponse().withStatus(302)
			.withHeader("Location", "{{request.query.redirect_uri}}?" + result + "&state={{urlEncode request.query.state}}")
			.withTransformers("response-template");
	}

}
