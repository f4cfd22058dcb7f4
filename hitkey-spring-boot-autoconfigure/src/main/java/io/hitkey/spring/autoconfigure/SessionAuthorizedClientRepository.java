package io.hitkey.spring.autoconfigure;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * Keeps authorized clients in the HTTP session, as Spring Security's
 * {@link HttpSessionOAuth2AuthorizedClientRepository} does, without the client secret
 * (see {@link SecretFreeAuthorizedClients}).
 *
 * @author HitKey
 */
final class SessionAuthorizedClientRepository implements OAuth2AuthorizedClientRepository {

	private final OAuth2AuthorizedClientRepository session = new HttpSessionOAuth2AuthorizedClientRepository();

	private final ClientRegistrationRepository registrations;

	SessionAuthorizedClientRepository(ClientRegistrationRepository registrations) {
		this.registrations = registrations;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
			@Nullable Authentication principal, HttpServletRequest request) {
		OAuth2AuthorizedClient stored = this.session.loadAuthorizedClient(clientRegistrationId, principal, request);
		return (stored != null) ? (T) SecretFreeAuthorizedClients.fromStored(stored,
				this.registrations.findByRegistrationId(clientRegistrationId)) : null;
	}

	@Override
	public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, @Nullable Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		this.session.saveAuthorizedClient(SecretFreeAuthorizedClients.toStored(authorizedClient), principal, request,
				response);
	}

	@Override
	public void removeAuthorizedClient(String clientRegistrationId, @Nullable Authentication principal,
			HttpServletRequest request, HttpServletResponse response) {
		this.session.removeAuthorizedClient(clientRegistrationId, principal, request, response);
	}

}
