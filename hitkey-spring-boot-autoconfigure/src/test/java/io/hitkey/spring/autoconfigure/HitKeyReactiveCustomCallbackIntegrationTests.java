package io.hitkey.spring.autoconfigure;

import java.net.http.HttpResponse;

import io.hitkey.spring.autoconfigure.HopByHopBrowser.Visit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.hitkey.spring.autoconfigure.HopByHopBrowser.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HitKey calls back at the path of a custom {@code hitkey.redirect-uri}, and the
 * starter's default WebFlux chain processes the callback there.
 */
@SpringBootTest(classes = ReactiveSignInTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "hitkey.redirect-uri={baseUrl}/callback",
				"hitkey.read-timeout=700ms" })
class HitKeyReactiveCustomCallbackIntegrationTests extends HitKeyStandInTestSupport {

	HopByHopBrowser visitor;

	@BeforeEach
	void newVisitor() {
		this.visitor = new HopByHopBrowser(this.port);
	}

	@Test
	void signsInThroughTheCallbackAtTheRedirectUriPath() {
		HitKeyAuthorizeStubs.approves(hitKey, "code-1");
		HitKeyStubs.stubSuccessfulSignIn(hitKey);

		Visit visit = this.visitor.visit("/me");

		HttpResponse<String> me = visit.assertEndsOnApplicationPage(this.visitor.origin(), 200, 4);
		assertThat(visit.paths()).containsExactly("/me", "/oauth2/authorization/hitkey", "/", "/callback", "/me");
		assertThat(SignInClient.query(visit.answers().get(2).uri())).containsEntry("redirect_uri",
				this.visitor.origin() + "/callback");
		assertThat(me.body()).contains(HitKeyStubs.SUB);
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isOne();
		hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
		hitKey.verify(1, getRequestedFor(urlEqualTo("/oauth/userinfo")));
	}

	@Test
	void failedSignInAtTheRedirectUriPathEndsOnTheLoginErrorPage() {
		HitKeyAuthorizeStubs.refuses(hitKey);

		Visit visit = this.visitor.visit("/me");

		HttpResponse<String> page = visit.assertEndsOnApplicationPage(this.visitor.origin(), 200, 4);
		assertThat(visit.paths()).containsExactly("/me", "/oauth2/authorization/hitkey", "/", "/callback", "/login");
		assertThat(page.body()).contains("Invalid credentials");
		assertThat(HitKeyAuthorizeStubs.visits(hitKey)).isOne();
		hitKey.verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
		assertThat(this.visitor.get("/me", JSON).statusCode()).isEqualTo(401);
	}

}
