package io.hitkey.spring.autoconfigure.servlet;

import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/**
 * Lets one request at a time authorize a given user's client, so that many requests of
 * one user arriving with an expired access token cause one refresh at HitKey: the first
 * refreshes and stores the new token, the others then find it. Other users are not held
 * up beyond the rare request that shares a lock stripe with theirs.
 *
 * @author HitKey
 */
final class CoalescingOAuth2AuthorizedClientManager implements OAuth2AuthorizedClientManager {

	private static final int STRIPES = 256;

	private final OAuth2AuthorizedClientManager delegate;

	private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

	CoalescingOAuth2AuthorizedClientManager(OAuth2AuthorizedClientManager delegate) {
		this.delegate = delegate;
		for (int i = 0; i < STRIPES; i++) {
			this.locks[i] = new ReentrantLock();
		}
	}

	@Override
	public @Nullable OAuth2AuthorizedClient authorize(OAuth2AuthorizeRequest authorizeRequest) {
		String key = authorizeRequest.getClientRegistrationId() + "/" + authorizeRequest.getPrincipal().getName();
		ReentrantLock lock = this.locks[Math.floorMod(key.hashCode(), STRIPES)];
		lock.lock();
		try {
			return this.delegate.authorize(authorizeRequest);
		}
		finally {
			lock.unlock();
		}
	}

}
