package io.hitkey.spring.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * Keeps authorized clients in the HTTP session, as Spring Security's
 * {@link HttpSessionOAuth2AuthorizedClientRepository} does, each sealed in an attribute
 * of its own (see {@link SealedAuthorizedClients}). One that earlier versions of the
 * starter kept in Spring's form is still read, and leaves the session at the next save.
 *
 * @author HitKey
 */
final class SessionAuthorizedClientRepository implements OAuth2AuthorizedClientRepository {

	private final OAuth2AuthorizedClientRepository former = new HttpSessionOAuth2AuthorizedClientRepository();

	private final ClientRegistrationRepository registrations;

	SessionAuthorizedClientRepository(ClientRegistrationRepository registrations) {
		this.registrations = registrations;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
			@Nullable Authentication principal, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Object sealed = session.getAttribute(SealedAuthorizedClients.attributeName(clientRegistrationId));
		if (sealed != null) {
			return (T) SealedAuthorizedClients.open(sealed,
					this.registrations.findByRegistrationId(clientRegistrationId));
		}
		OAuth2AuthorizedClient former = this.former.loadAuthorizedClient(clientRegistrationId, principal, request);
		return (former != null && this.registrations.findByRegistrationId(clientRegistrationId) != null) ? (T) former
				: null;
	}

	@Override
	public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, @Nullable Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		String registrationId = authorizedClient.getClientRegistration().getRegistrationId();
		request.getSession()
			.setAttribute(SealedAuthorizedClients.attributeName(registrationId),
					SealedAuthorizedClients.seal(authorizedClient));
		this.former.removeAuthorizedClient(registrationId, principal, request, response);
	}

	@Override
	public void removeAuthorizedClient(String clientRegistrationId, @Nullable Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(SealedAuthorizedClients.attributeName(clientRegistrationId));
		}
		this.former.removeAuthorizedClient(clientRegistrationId, principal, request, response);
	}

}
