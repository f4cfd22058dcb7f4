package io.hitkey.spring.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.hitkey.spring.autoconfigure.HitKeyPendingSignIns;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PendingAuthorizationRequestRepository}.
 */
class PendingAuthorizationRequestRepositoryTests {

	private final PendingAuthorizationRequestRepository repository = new PendingAuthorizationRequestRepository();

	private final MockHttpSession session = new MockHttpSession();

	@Test
	void keepsEverySignInStartedInTheSessionUntilItCallsBack() {
		save("tab-1");
		save("tab-2");

		assertThat(this.repository.loadAuthorizationRequest(callback("tab-1"))).isNotNull();
		assertThat(this.repository.removeAuthorizationRequest(callback("tab-1"), new MockHttpServletResponse()))
			.extracting(OAuth2AuthorizationRequest::getState)
			.isEqualTo("tab-1");
		assertThat(this.repository.loadAuthorizationRequest(callback("tab-1"))).isNull();
		assertThat(this.repository.loadAuthorizationRequest(callback("tab-2"))).isNotNull();
	}

	@Test
	void leavesTheSessionOnceNoSignInIsPending() {
		save("tab-1");
		save("tab-2");
		this.repository.removeAuthorizationRequest(callback("tab-1"), new MockHttpServletResponse());
		assertThat(this.session.getAttribute(PendingAuthorizationRequestRepository.SESSION_ATTRIBUTE)).isNotNull();

		this.repository.removeAuthorizationRequest(callback("tab-2"), new MockHttpServletResponse());

		assertThat(this.session.getAttribute(PendingAuthorizationRequestRepository.SESSION_ATTRIBUTE)).isNull();
	}

	@Test
	void aSignInStartedMoreThanTenMinutesAgoIsNeitherLoadedNorKept() {
		save("tab-1");
		save("tab-2");
		startedAgo("tab-1", HitKeyPendingSignIns.MAX_AGE.plusSeconds(1));

		assertThat(this.repository.loadAuthorizationRequest(callback("tab-1"))).isNull();
		assertThat(this.repository.removeAuthorizationRequest(callback("tab-1"), new MockHttpServletResponse()))
			.isNull();
		assertThat(pending()).containsOnlyKeys("tab-2");
		assertThat(this.repository.loadAuthorizationRequest(callback("tab-2"))).isNotNull();
	}

	@Test
	void theLastExpiredSignInLeavesTheSessionWhenItIsLoaded() {
		save("tab-1");
		startedAgo("tab-1", HitKeyPendingSignIns.MAX_AGE.plusSeconds(1));

		assertThat(this.repository.loadAuthorizationRequest(callback("tab-1"))).isNull();

		assertThat(this.session.getAttribute(PendingAuthorizationRequestRepository.SESSION_ATTRIBUTE)).isNull();
	}

	@Test
	void aSignInStartedLessThanTenMinutesAgoIsLoaded() {
		save("tab-1");
		startedAgo("tab-1", HitKeyPendingSignIns.MAX_AGE.minusSeconds(30));

		assertThat(this.repository.loadAuthorizationRequest(callback("tab-1"))).isNotNull();
	}

	/**
	 * Make the pending sign-in of the given state look as if it was started the given
	 * time ago, as a session restored from a shared store after that time would.
	 */
	private void startedAgo(String state, Duration age) {
		Map<String, OAuth2AuthorizationRequest> requests = new LinkedHashMap<>(pending());
		OAuth2AuthorizationRequest request = requests.get(state);
		String startedAt = request.getAttributes()
			.keySet()
			.stream()
			.filter((name) -> name.endsWith(".STARTED_AT"))
			.findFirst()
			.orElseThrow();
		requests.put(state, OAuth2AuthorizationRequest.from(request)
			.attributes((attributes) -> attributes.put(startedAt, System.currentTimeMillis() - age.toMillis()))
			.build());
		this.session.setAttribute(PendingAuthorizationRequestRepository.SESSION_ATTRIBUTE, requests);
	}

	@SuppressWarnings("unchecked")
	private Map<String, OAuth2AuthorizationRequest> pending() {
		return (Map<String, OAuth2AuthorizationRequest>) this.session
			.getAttribute(PendingAuthorizationRequestRepository.SESSION_ATTRIBUTE);
	}

	private void save(String state) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(this.session);
		OAuth2AuthorizationRequest authorizationRequest = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("https://hitkey.io/")
			.clientId("client")
			.redirectUri("http://localhost/login/oauth2/code/hitkey")
			.state(state)
			.build();
		this.repository.saveAuthorizationRequest(authorizationRequest, request, new MockHttpServletResponse());
	}

	private MockHttpServletRequest callback(String state) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/hitkey");
		request.setSession(this.session);
		request.setParameter("state", state);
		return request;
	}

}
