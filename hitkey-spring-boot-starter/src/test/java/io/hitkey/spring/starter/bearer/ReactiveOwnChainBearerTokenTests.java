package io.hitkey.spring.starter.bearer;

import java.net.http.HttpResponse;

import io.hitkey.spring.starter.failures.Visitor;

import org.springframework.boot.WebApplicationType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens next to browser sign-in in the application's own WebFlux chain.
 */
class ReactiveOwnChainBearerTokenTests extends SignInAndBearerTokenTests {

	ReactiveOwnChainBearerTokenTests() {
		super(WebApplicationType.REACTIVE, OwnChains.Reactive.class);
	}

	/**
	 * As the README says, {@code HitKeyServerLoginCustomizer} cannot answer API calls
	 * without a session with {@code 401} in a chain of the application's own: Spring's
	 * entry point of {@code oauth2Login()} sends them to sign in.
	 */
	@Override
	void assertTurnedAway(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(Visitor.location(answer)).endsWith("/oauth2/authorization/hitkey");
	}

}
