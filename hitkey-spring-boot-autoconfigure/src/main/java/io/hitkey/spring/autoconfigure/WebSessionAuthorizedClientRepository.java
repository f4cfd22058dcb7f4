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
 * {@link WebSessionServerOAuth2AuthorizedClientRepository} does, each sealed in an
 * attribute of its own (see {@link SealedAuthorizedClients}). One that earlier versions
 * of the starter kept in Spring's form is still read, and leaves the session at the next
 * save.
 *
 * @author HitKey
 */
final class WebSessionAuthorizedClientRepository implements ServerOAuth2AuthorizedClientRepository {

	private static final String FORMER_ATTRIBUTE = WebSessionServerOAuth2AuthorizedClientRepository.class.getName()
			+ ".AUTHORIZED_CLIENTS";

	private final ServerOAuth2AuthorizedClientRepository former = new WebSessionServerOAuth2AuthorizedClientRepository();

	private final ReactiveClientRegistrationRepository registrations;

	WebSessionAuthorizedClientRepository(ReactiveClientRegistrationRepository registrations) {
		this.registrations = registrations;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T extends OAuth2AuthorizedClient> Mono<T> loadAuthorizedClient(String clientRegistrationId,
			@Nullable Authentication principal, ServerWebExchange exchange) {
		return exchange.getSession().flatMap((session) -> {
			Object sealed = session.getAttribute(SealedAuthorizedClients.attributeName(clientRegistrationId));
			Mono<OAuth2AuthorizedClient> stored = (sealed != null) ? this.registrations
				.findByRegistrationId(clientRegistrationId)
				.mapNotNull((registration) -> SealedAuthorizedClients.open(sealed, registration))
					: this.former.<OAuth2AuthorizedClient>loadAuthorizedClient(clientRegistrationId, principal, exchange)
						.filterWhen((former) -> this.registrations.findByRegistrationId(clientRegistrationId)
							.hasElement());
			return stored.map((client) -> (T) client);
		});
	}

	@Override
	public Mono<Void> saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient,
			@Nullable Authentication principal, ServerWebExchange exchange) {
		String registrationId = authorizedClient.getClientRegistration().getRegistrationId();
		return exchange.getSession()
			.doOnNext((session) -> session.getAttributes()
				.put(SealedAuthorizedClients.attributeName(registrationId),
						SealedAuthorizedClients.seal(authorizedClient)))
			.then(removeFormer(registrationId, principal, exchange));
	}

	@Override
	public Mono<Void> removeAuthorizedClient(String clientRegistrationId, @Nullable Authentication principal,
			ServerWebExchange exchange) {
		return exchange.getSession()
			.doOnNext((session) -> session.getAttributes()
				.remove(SealedAuthorizedClients.attributeName(clientRegistrationId)))
			.then(removeFormer(clientRegistrationId, principal, exchange));
	}

	/**
	 * Remove the client that earlier versions kept, where there is one: Spring's
	 * repository removes its attribute whether or not it is there, which a shared store
	 * would write on every save.
	 */
	private Mono<Void> removeFormer(String registrationId, @Nullable Authentication principal,
			ServerWebExchange exchange) {
		return exchange.getSession()
			.filter((session) -> session.getAttributes().containsKey(FORMER_ATTRIBUTE))
			.flatMap((session) -> this.former.removeAuthorizedClient(registrationId, principal, exchange));
	}

}
