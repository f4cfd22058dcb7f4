package io.hitkey.spring.sample;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.hitkey.spring.HitKeyUser;
import io.hitkey.spring.sample.SampleApi.NewNote;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The sample's pages.
 *
 * @author HitKey
 */
@Controller
class PagesController {

	private static final Set<String> SIGN_IN_AGAIN = Set.of(OAuth2ErrorCodes.INVALID_GRANT,
			OAuth2ErrorCodes.INVALID_TOKEN);

	/**
	 * When the signed-in user was last refreshed from HitKey, if ever: a string, which
	 * every session store can keep.
	 */
	private static final String PROFILE_REFRESHED_AT = "io.hitkey.spring.sample.PROFILE_REFRESHED_AT";

	private static final String HITKEY_UNREACHABLE = "HitKey could not be reached: try again in a moment.";

	private final ProfileRefresh profileRefresh;

	private final SampleApi sampleApi;

	PagesController(ProfileRefresh profileRefresh, SampleApi sampleApi) {
		this.profileRefresh = profileRefresh;
		this.sampleApi = sampleApi;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal @Nullable HitKeyUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("displayName", (user != null) ? DisplayName.of(user) : null);
		return "home";
	}

	@GetMapping("/logout")
	String logout() {
		return "logout";
	}

	@GetMapping("/profile")
	String profile(@AuthenticationPrincipal HitKeyUser user,
			@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client,
			@SessionAttribute(name = PROFILE_REFRESHED_AT, required = false) @Nullable String refreshedAt, Model model) {
		addProfile(model, user, client, (refreshedAt != null) ? Instant.parse(refreshedAt) : null);
		return "profile";
	}

	@PostMapping("/profile/refresh")
	String refreshProfile(OAuth2AuthenticationToken authentication,
			@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client, HttpServletRequest request,
			HttpServletResponse response, HttpSession session, Model model) {
		if (callAsUser(model, "refreshError", (ex) -> HITKEY_UNREACHABLE,
				() -> this.profileRefresh.refresh(authentication, request, response))) {
			session.setAttribute(PROFILE_REFRESHED_AT, Instant.now().toString());
			return "redirect:/profile";
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		addProfile(model, (HitKeyUser) authentication.getPrincipal(), client, null);
		return "profile";
	}

	@GetMapping("/call-api")
	String callApi(Model model) {
		callAsUser(model, "apiError", PagesController::apiFailure, () -> {
			model.addAttribute("me", this.sampleApi.me());
			model.addAttribute("notes", this.sampleApi.notes());
		});
		return "call-api";
	}

	@PostMapping("/call-api/notes")
	String addNote(@RequestParam String text, Model model) {
		if (callAsUser(model, "apiError", PagesController::apiFailure,
				() -> this.sampleApi.addNote(new NewNote(text)))) {
			return "redirect:/call-api";
		}
		return "call-api";
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
		model.addAttribute("failure", SignInFailure.of(exception));
		return "login-error";
	}

	private static void addProfile(Model model, HitKeyUser user, OAuth2AuthorizedClient client,
			@Nullable Instant refreshedAt) {
		model.addAttribute("user", user);
		model.addAttribute("project", user.project().orElse(null));
		model.addAttribute("refreshedAt", refreshedAt);
		model.addAttribute("displayName", DisplayName.of(user));
		model.addAttribute("scopes", new TreeSet<>(user.scopes()));
		Instant expiresAt = client.getAccessToken().getExpiresAt();
		model.addAttribute("tokenExpiresAt", expiresAt);
	}

	/**
	 * Make a call to HitKey or to the API as the signed-in user. When it fails, put a
	 * message for the user in the model and return {@code false}; a refresh token or
	 * access token that HitKey refused is left to {@code HitKeyLoginConfigurer}, which
	 * signs the user out and sends them to sign in again.
	 */
	private static boolean callAsUser(Model model, String errorAttribute,
			Function<RestClientException, String> message, Runnable call) {
		try {
			call.run();
			return true;
		}
		catch (OAuth2AuthorizationException ex) {
			if (SIGN_IN_AGAIN.contains(ex.getError().getErrorCode())) {
				throw ex;
			}
			// The access token had expired and HitKey could not refresh it.
			model.addAttribute(errorAttribute, HITKEY_UNREACHABLE);
		}
		catch (RestClientException ex) {
			model.addAttribute(errorAttribute, message.apply(ex));
		}
		return false;
	}

	private static String apiFailure(RestClientException ex) {
		if (ex instanceof RestClientResponseException response) {
			HttpStatusCode code = response.getStatusCode();
			HttpStatus status = HttpStatus.resolve(code.value());
			return "The API answered " + code.value() + ((status != null) ? " " + status.getReasonPhrase() : "")
					+ (code.is5xxServerError() ? ": try again in a moment." : ".");
		}
		return "The API could not be reached: try again in a moment.";
	}

}
