package io.hitkey.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The form in which the starter keeps an authorized client in a session. Spring
 * Security's {@link OAuth2AuthorizedClient} carries the whole
 * {@link ClientRegistration}, client secret included, so a session store (Redis, JDBC)
 * would hold the application's client secret once per signed-in user. The stored form
 * has it blanked; the registration is looked up again when the client is loaded, so a
 * new secret, or a registration that is gone, takes effect on the next request.
 *
 * @author HitKey
 */
final class SecretFreeAuthorizedClients {

	private SecretFreeAuthorizedClients() {
	}

	/**
	 * Return the given authorized client as it is kept in the session: its registration
	 * without the client secret.
	 * @param client the authorized client
	 * @return the client to store
	 */
	static OAuth2AuthorizedClient toStored(OAuth2AuthorizedClient client) {
		ClientRegistration withoutSecret = ClientRegistration.withClientRegistration(client.getClientRegistration())
			.clientSecret("")
			.build();
		return new OAuth2AuthorizedClient(withoutSecret, client.getPrincipalName(), client.getAccessToken(),
				client.getRefreshToken());
	}

	/**
	 * Return a stored authorized client with its current registration, or {@code null}
	 * when the application no longer has that registration.
	 * @param stored the client read from the session
	 * @param registration the current registration with the stored client's id
	 * @return the authorized client, or {@code null}
	 */
	static @Nullable OAuth2AuthorizedClient fromStored(OAuth2AuthorizedClient stored,
			@Nullable ClientRegistration registration) {
		if (registration == null) {
			return null;
		}
		return new OAuth2AuthorizedClient(registration, stored.getPrincipalName(), stored.getAccessToken(),
				stored.getRefreshToken());
	}

}
