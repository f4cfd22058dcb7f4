package io.hitkey.spring.sample;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the navigation bar of every page shows: whether a user is signed in, and whether
 * they may open the admin page. The latter asks the security filter chains themselves
 * (as Thymeleaf's {@code sec:authorize-url} would), so that the rule for the admin page
 * stays in {@link SecurityConfiguration} alone.
 *
 * @author HitKey
 */
@ControllerAdvice
class NavigationModel {

	private final WebInvocationPrivilegeEvaluator privilegeEvaluator;

	NavigationModel(WebInvocationPrivilegeEvaluator privilegeEvaluator) {
		this.privilegeEvaluator = privilegeEvaluator;
	}

	@ModelAttribute("signedIn")
	boolean signedIn(@Nullable Authentication authentication) {
		return authentication instanceof OAuth2AuthenticationToken;
	}

	@ModelAttribute("mayOpenAdmin")
	boolean mayOpenAdmin(HttpServletRequest request, @Nullable Authentication authentication) {
		return signedIn(authentication) && this.privilegeEvaluator.isAllowed(request.getContextPath(),
				SecurityConfiguration.ADMIN_PAGE, "GET", authentication);
	}

}
