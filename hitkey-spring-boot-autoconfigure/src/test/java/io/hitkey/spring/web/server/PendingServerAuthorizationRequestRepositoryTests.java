package io.hitkey.spring.web.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;

import io.hitkey.spring.autoconfigure.HitKeyPendingSignIns;
import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.mock.web.server.MockWebSession;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PendingServerAuthorizationRequestRepository}.
 */
class PendingServerAuthorizationRequestRepositoryTests {

	private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

	private final WebSession session = new MockWebSession();

	@Test
	void keepsEverySignInStartedInTheSessionUntilItCallsBack() {
		PendingServerAuthorizationRequestRepository repository = at(START);
		save(repository, "tab-1");
		save(repository, "tab-2");

		assertThat(repository.loadAuthorizationRequest(callback("tab-1")).block()).isNotNull();
		assertThat(repository.removeAuthorizationRequest(callback("tab-1")).block())
			.extracting(OAuth2AuthorizationRequest::getState)
			.isEqualTo("tab-1");
		assertThat(repository.loadAuthorizationRequest(callback("tab-1")).block()).isNull();
		assertThat(repository.loadAuthorizationRequest(callback("tab-2")).block()).isNotNull();
	}

	@Test
	void keepsEachSignInInAnAttributeOfItsOwnAndLeavesTheSessionOnceNoneIsPending() {
		PendingServerAuthorizationRequestRepository repository = at(START);
		save(repository, "tab-1");
		save(repository, "tab-2");
		assertThat(this.session.getAttributes()).containsOnlyKeys(HitKeyPendingSignIns.attributeName("tab-1"),
				HitKeyPendingSignIns.attributeName("tab-2"));

		repository.removeAuthorizationRequest(callback("tab-1")).block();
		repository.removeAuthorizationRequest(callback("tab-2")).block();

		assertThat(this.session.getAttributes()).isEmpty();
	}

	@Test
	void theAttributeOfEarlierVersionsLeavesTheSessionWhenASignInStarts() {
		this.session.getAttributes().put(PendingServerAuthorizationRequestRepository.FORMER_ATTRIBUTE, new HashMap<>());

		save(at(START), "tab-1");

		assertThat(this.session.getAttributes()).containsOnlyKeys(HitKeyPendingSignIns.attributeName("tab-1"));
	}

	@Test
	void aSignInOlderThanTenMinutesIsNoLongerPending() {
		save(at(START), "old");
		assertThat(at(START.plus(Duration.ofMinutes(10))).loadAuthorizationRequest(callback("old")).block()).isNotNull();

		PendingServerAuthorizationRequestRepository later = at(START.plus(Duration.ofMinutes(10)).plusSeconds(1));

		assertThat(later.loadAuthorizationRequest(callback("old")).block()).isNull();
		assertThat(later.removeAuthorizationRequest(callback("old")).block()).isNull();
		save(later, "new");
		assertThat(this.session.getAttributes()).containsOnlyKeys(HitKeyPendingSignIns.attributeName("new"));
	}

	@Test
	void keepsAtMostTheLatestPendingSignIns() {
		for (int i = 0; i <= HitKeyPendingSignIns.MAX_PENDING; i++) {
			save(at(START.plus(Duration.ofSeconds(i))), "tab-" + i);
		}
		PendingServerAuthorizationRequestRepository repository = at(START.plus(Duration.ofMinutes(1)));

		assertThat(repository.loadAuthorizationRequest(callback("tab-0")).block()).isNull();
		assertThat(repository.loadAuthorizationRequest(callback("tab-1")).block()).isNotNull();
	}

	@Test
	void aCallbackWithNeitherCodeNorErrorFailsAsAnInvalidRequestAndKeepsThePendingSignIn() {
		PendingServerAuthorizationRequestRepository repository = at(START);
		save(repository, "tab-1");

		assertThatExceptionOfType(OAuth2AuthorizationException.class)
			.isThrownBy(() -> repository.removeAuthorizationRequest(exchange(
					MockServerHttpRequest.get("/login/oauth2/code/hitkey").queryParam("state", "tab-1").queryParam("code", "")))
				.block())
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_request"));
		assertThat(repository.loadAuthorizationRequest(callback("tab-1")).block()).isNotNull();
	}

	private PendingServerAuthorizationRequestRepository at(Instant now) {
		return new PendingServerAuthorizationRequestRepository(Clock.fixed(now, ZoneOffset.UTC));
	}

	private void save(PendingServerAuthorizationRequestRepository repository, String state) {
		OAuth2AuthorizationRequest authorizationRequest = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("https://hitkey.io/")
			.clientId("client")
			.redirectUri("http://localhost/login/oauth2/code/hitkey")
			.state(state)
			.build();
		repository
			.saveAuthorizationRequest(authorizationRequest, exchange(MockServerHttpRequest.get("/oauth2/authorization/hitkey")))
			.block();
	}

	private MockServerWebExchange callback(String state) {
		return exchange(
				MockServerHttpRequest.get("/login/oauth2/code/hitkey").queryParam("state", state).queryParam("code", "c"));
	}

	private MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
		return MockServerWebExchange.builder(request.build()).session(this.session).build();
	}

}
