package io.hitkey.spring.autoconfigure;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit.Stubbing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * WireMock stand-ins for HitKey's token and userinfo endpoints.
 */
public final class HitKeyStubs {

	public static final String CLIENT_ID = "test-client";

	public static final String CLIENT_SECRET = "test-secret-do-not-log";

	public static final String SUB = "8f14e45f-ceea-467f-a8f6-1c2d3e4f5a6b";

	public static final String USERINFO = """
			{"sub":"%1$s","id":"%1$s","name":"Ada Lovelace","given_name":"Ada","family_name":"Lovelace",
			 "display_name":"Ada","preferred_username":"ada","native_script":null,"preferred_order":"western",
			 "email":"ada@example.com",
			 "project":{"project_id":"0b6e1a52-3c8e-4e55-9a4e-6f4f8c1d2e3f","project_name":"Engine",
			 "project_slug":"engine","role":"admin","permissions":["can_deploy","can_review"]}}
			""".formatted(SUB);

	private HitKeyStubs() {
	}

	public static WireMockExtension hitKey() {
		return WireMockExtension.newInstance()
			.options(wireMockConfig().dynamicPort().http2PlainDisabled(true))
			.build();
	}

	public static WireMockServer startHitKey() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
		server.start();
		return server;
	}

	public static MappingBuilder tokenRequest(String grantType) {
		return post(urlEqualTo("/oauth/token")).withRequestBody(matchingJsonPath("$.grant_type", equalTo(grantType)));
	}

	public static String tokenResponse(String accessToken, String refreshToken, int expiresIn) {
		return """
				{"access_token":"%s","refresh_token":"%s","token_type":"Bearer","expires_in":%d,
				 "scope":"openid profile email project:read"}
				""".formatted(accessToken, refreshToken, expiresIn);
	}

	public static void stubSuccessfulSignIn(Stubbing hitKey) {
		hitKey.stubFor(tokenRequest("authorization_code").willReturn(okJson(tokenResponse("at-1", "rt-1", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(USERINFO)));
	}

	public static ResponseDefinitionBuilder hitKeyError(int status, String message) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"" + message + "\"}");
	}

}
