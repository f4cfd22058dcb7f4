package io.hitkey.spring.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;

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

	private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");

	private final MockHttpSession session = new MockHttpSession();

	@Test
	void keepsEverySignInStartedInTheSessionUntilItCallsBack() {
		PendingAuthorizationRequestRepository repository = at(START);
		save(repository, "tab-1");
		save(repository, "tab-2");

		assertThat(repository.loadAuthorizationRequest(callback("tab-1"))).isNotNull();
		assertThat(repository.removeAuthorizationRequest(callback("tab-1"), new MockHttpServletResponse()))
			.extracting(OAuth2AuthorizationRequest::getState)
			.isEqualTo("tab-1");
		assertThat(repository.loadAuthorizationRequest(callback("tab-1"))).isNull();
		assertThat(repository.loadAuthorizationRequest(callback("tab-2"))).isNotNull();
	}

	@Test
	void keepsEachSignInInAnAttributeOfItsOwnAndLeavesTheSessionOnceNoneIsPending() {
		PendingAuthorizationRequestRepository repository = at(START);
		save(repository, "tab-1");
		save(repository, "tab-2");
		assertThat(attributeNames()).containsExactlyInAnyOrder(HitKeyPendingSignIns.attributeName("tab-1"),
				HitKeyPendingSignIns.attributeName("tab-2"));

		repository.removeAuthorizationRequest(callback("tab-1"), new MockHttpServletResponse());
		repository.removeAuthorizationRequest(callback("tab-2"), new MockHttpServletResponse());

		assertThat(attributeNames()).isEmpty();
	}

	@Test
	void aSignInOlderThanTenMinutesIsNoLongerPendingAndLeavesTheSessionWhenTheNextStarts() {
		save(at(START), "old");
		assertThat(at(START.plus(HitKeyPendingSignIns.MAX_AGE)).loadAuthorizationRequest(callback("old"))).isNotNull();
		PendingAuthorizationRequestRepository later = at(START.plus(HitKeyPendingSignIns.MAX_AGE).plusSeconds(1));

		assertThat(later.loadAuthorizationRequest(callback("old"))).isNull();
		save(later, "new");

		assertThat(attributeNames()).containsExactly(HitKeyPendingSignIns.attributeName("new"));
		assertThat(later.removeAuthorizationRequest(callback("old"), new MockHttpServletResponse())).isNull();
	}

	@Test
	void keepsAtMostTheLatestPendingSignIns() {
		for (int i = 0; i <= HitKeyPendingSignIns.MAX_PENDING; i++) {
			save(at(START.plus(Duration.ofSeconds(i))), "tab-" + i);
		}
		PendingAuthorizationRequestRepository repository = at(START.plus(Duration.ofMinutes(1)));

		assertThat(attributeNames()).hasSize(HitKeyPendingSignIns.MAX_PENDING);
		assertThat(repository.loadAuthorizationRequest(callback("tab-0"))).isNull();
		assertThat(repository.loadAuthorizationRequest(callback("tab-1"))).isNotNull();
		assertThat(repository.loadAuthorizationRequest(callback("tab-" + HitKeyPendingSignIns.MAX_PENDING)))
			.isNotNull();
	}

	@Test
	void theAttributeOfEarlierVersionsLeavesTheSessionWhenASignInStarts() {
		this.session.setAttribute(PendingAuthorizationRequestRepository.FORMER_ATTRIBUTE, new HashMap<>());

		save(at(START), "tab-1");

		assertThat(attributeNames()).containsExactly(HitKeyPendingSignIns.attributeName("tab-1"));
	}

	private List<String> attributeNames() {
		return Collections.list(this.session.getAttributeNames());
	}

	private PendingAuthorizationRequestRepository at(Instant now) {
		return new PendingAuthorizationRequestRepository(Clock.fixed(now, ZoneOffset.UTC));
	}

	private void save(PendingAuthorizationRequestRepository repository, String state) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(this.session);
		OAuth2AuthorizationRequest authorizationRequest = OAuth2AuthorizationRequest.authorizationCode()
			.authorizationUri("https://hitkey.io/")
			.clientId("client")
			.redirectUri("http://localhost/login/oauth2/code/hitkey")
			.state(state)
			.build();
		repository.saveAuthorizationRequest(authorizationRequest, request, new MockHttpServletResponse());
	}

	private MockHttpServletRequest callback(String state) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/hitkey");
		request.setSession(this.session);
		request.setParameter("state", state);
		return request;
	}

}
