package io.hitkey.spring.sample;

import io.hitkey.spring.HitKeyAuthoritiesMapper;
import io.hitkey.spring.HitKeyUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Refreshes the signed-in user from HitKey's userinfo: their names, email, project role
 * and permissions, and so their authorities, become what HitKey says now, for the rest
 * of their session. A user whom the project's owner made an admin opens the admin page
 * without signing in again.
 *
 * @author HitKey
 */
@Component
class ProfileRefresh {

	private final SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	private final HitKeyUserinfoClient userinfoClient;

	private final HitKeyAuthoritiesMapper authoritiesMapper;

	private final SecurityContextRepository securityContextRepository;

	ProfileRefresh(HitKeyUserinfoClient userinfoClient, HitKeyAuthoritiesMapper authoritiesMapper,
			SecurityContextRepository securityContextRepository) {
		this.userinfoClient = userinfoClient;
		this.authoritiesMapper = authoritiesMapper;
		this.securityContextRepository = securityContextRepository;
	}

	/**
	 * Replace the signed-in user with the one HitKey's userinfo describes now.
	 * @throws RestClientException when HitKey could not be reached, or its answer does not
	 * describe a HitKey user
	 */
	void refresh(OAuth2AuthenticationToken authentication, HttpServletRequest request,
			HttpServletResponse response) {
		HitKeyUser user = (HitKeyUser) authentication.getPrincipal();
		HitKeyUser fresh;
		try {
			fresh = HitKeyUser.fromClaims(this.userinfoClient.userinfo(), user.scopes(), this.authoritiesMapper);
		}
		catch (IllegalArgumentException ex) {
			throw new RestClientException("HitKey's userinfo answer does not describe a HitKey user", ex);
		}
		OAuth2AuthenticationToken refreshed = new OAuth2AuthenticationToken(fresh, fresh.getAuthorities(),
				authentication.getAuthorizedClientRegistrationId());
		refreshed.setDetails(authentication.getDetails());
		SecurityContext context = this.securityContextHolderStrategy.createEmptyContext();
		context.setAuthentication(refreshed);
		this.securityContextHolderStrategy.setContext(context);
		this.securityContextRepository.saveContext(context, request, response);
	}

}
