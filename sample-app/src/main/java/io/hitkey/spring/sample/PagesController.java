package io.hitkey.spring.sample;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.hitkey.spring.HitKeyUser;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.RestClientException;

/**
 * The sample's pages.
 *
 * @author HitKey
 */
@Controller
class PagesController {

	private static final Set<String> SIGN_IN_AGAIN = Set.of(OAuth2ErrorCodes.INVALID_GRANT,
			OAuth2ErrorCodes.INVALID_TOKEN);

	private final HitKeyUserinfoClient userinfoClient;

	PagesController(HitKeyUserinfoClient userinfoClient) {
		this.userinfoClient = userinfoClient;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal @Nullable HitKeyUser user, Model model) {
		model.addAttribute("user", user);
		return "home";
	}

	@GetMapping("/profile")
	String profile(@AuthenticationPrincipal HitKeyUser user,
			@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client, Model model) {
		addProfile(model, user, client);
		return "profile";
	}

	@PostMapping("/profile/refresh")
	String refreshProfile(@AuthenticationPrincipal HitKeyUser user,
			@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client, Model model) {
		try {
			Map<String, Object> claims = this.userinfoClient.userinfo();
			model.addAttribute("freshClaims", claims);
		}
		catch (OAuth2AuthorizationException ex) {
			if (SIGN_IN_AGAIN.contains(ex.getError().getErrorCode())) {
				// HitKeyLoginConfigurer signs the user out and sends them to sign in again.
				throw ex;
			}
			model.addAttribute("refreshError", "HitKey could not be reached: try again in a moment.");
		}
		catch (RestClientException ex) {
			model.addAttribute("refreshError", "HitKey could not be reached: try again in a moment.");
		}
		addProfile(model, user, client);
		return "profile";
	}

	@GetMapping("/admin")
	String admin(@AuthenticationPrincipal HitKeyUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("displayName", DisplayName.of(user));
		return "admin";
	}

	@GetMapping("/login-error")
	String loginError(HttpSession session, Model model) {
		Object exception = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		model.addAttribute("message", message(exception));
		return "login-error";
	}

	private static void addProfile(Model model, HitKeyUser user, OAuth2AuthorizedClient client) {
		model.addAttribute("user", user);
		model.addAttribute("displayName", DisplayName.of(user));
		model.addAttribute("scopes", new TreeSet<>(user.scopes()));
		Instant expiresAt = client.getAccessToken().getExpiresAt();
		model.addAttribute("tokenExpiresAt", expiresAt);
	}

	private static String message(@Nullable Object exception) {
		if (exception instanceof OAuth2AuthenticationException oauth2
				&& oauth2.getError().getDescription() != null) {
			return oauth2.getError().getDescription();
		}
		if (exception instanceof AuthenticationException) {
			return "Signing in with HitKey did not work.";
		}
		return "Your sign-in could not be completed.";
	}

}
