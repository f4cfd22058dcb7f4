package io.hitkey.spring.autoconfigure;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps authorized clients in the {@code WebSession}, as Spring Security's
 * {@link WebSessionServerOAuth2AuthorizedClientRepository} does, without the client
 * secret (see {@link SecretFreeAuthorizedClients}).
 *
 * @author HitKey
 */
final class WebSessionAuthorizedClientRepository implements ServerOAuth2AuthorizedClientRepository {

	private final ServerOAuth2AuthorizedClientRepository session = new WebSessionServerOAuth2AuthorizedClientRepository();

	private final ReactiveClientRegistrationRepository registrations;

	WebSessionAuthorizedClientRepository(ReactiveClientRegistrationRepository registrations) {
		this.registrations = registrations;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String clientRegistrationId,
			@Nullable Authentication principal, ServerWebExchange exchange) {
		return this.session.<OAuth2AuthorizedClient>loadAuthorizedClient(clientRegistrationId, principal, exchange)
			.flatMap((stored) -> this.registrations.findByRegistrationId(clientRegistrationId)
				.mapNotNull((registration) -> (T) SecretFreeAuthorizedClients.fromStored(stored, registration)));
	}

	@Override
	public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient,
			@Nullable Authentication principal, ServerWebExchange exchange) {
		return this.session.saveAuthorizedClient(SecretFreeAuthorizedClients.toStored(authorizedClient), principal,
				exchange);
	}

	@Override
	public Mono<Void> removeAuthorizedClient(String clientRegistrationId, @Nullable Authentication principal,
			ServerWebExchange exchange) {
		return this.session.removeAuthorizedClient(clientRegistrationId, principal, exchange);
	}

}
