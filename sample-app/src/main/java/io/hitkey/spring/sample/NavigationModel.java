package io.hitkey.spring.sample;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Whether a user is signed in, for the navigation bar of every page.
 *
 * @author HitKey
 */
@ControllerAdvice
class NavigationModel {

	@ModelAttribute("signedIn")
	boolean signedIn(@Nullable Authentication authentication) {
		return authentication instanceof OAuth2AuthenticationToken;
	}

}
