package io.hitkey.spring.test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.hitkey.spring.autoconfigure.HitKeyLogText;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * HitKey's authorize page at the root path: checks the request, then shows the sign-in
 * page (or approves automatically) and sends the browser back with a code.
 *
 * @author HitKey
 */
final class AuthorizeEndpoint implements HttpHandler {

	static final String APPROVE_PATH = "/approve";

	static final String DENY_PATH = "/deny";

	private static final String REDIRECT_URI_MISMATCH = "redirect_uri doesn't match";

	private static final Log logger = LogFactory.getLog(FakeHitKey.class);

	private final FakeHitKey hitKey;

	AuthorizeEndpoint(FakeHitKey hitKey) {
		this.hitKey = hitKey;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String method = exchange.getRequestMethod();
		if ("/".equals(path) && "GET".equals(method)) {
			authorize(exchange);
		}
		else if (APPROVE_PATH.equals(path) && "POST".equals(method)) {
			approve(exchange, Exchanges.formFields(Exchanges.body(exchange)));
		}
		else if (DENY_PATH.equals(path) && "POST".equals(method)) {
			deny(exchange, Exchanges.formFields(Exchanges.body(exchange)));
		}
		else {
			Exchanges.html(exchange, 404, SignInPage.error("Not found"));
		}
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> request = Exchanges.query(exchange);
		String problem = problem(request);
		if (problem != null) {
			refuse(exchange, request, problem);
			return;
		}
		FakeHitKeyUser autoApproved = this.hitKey.autoApprovedUser();
		if (autoApproved != null) {
			redirectWithCode(exchange, request, autoApproved);
			return;
		}
		Exchanges.html(exchange, 200, SignInPage.render(request, this.hitKey.users(),
				this.hitKey.grantedScopes(request.get("scope")), this.hitKey.project()));
	}

	private void approve(HttpExchange exchange, Map<String, String> form) throws IOException {
		String problem = problem(form);
		if (problem != null) {
			refuse(exchange, form, problem);
			return;
		}
		FakeHitKeyUser user = chosenUser(form);
		if (user == null) {
			Exchanges.html(exchange, 400, SignInPage.error("Choose a user, or give a name and an email"));
			return;
		}
		redirectWithCode(exchange, form, user);
	}

	private void deny(HttpExchange exchange, Map<String, String> form) throws IOException {
		String problem = problem(form);
		if (problem != null) {
			refuse(exchange, form, problem);
			return;
		}
		String redirectUri = RedirectUris.decoded(form.get("redirect_uri"));
		Exchanges.redirect(exchange,
				redirectUri + separator(redirectUri) + "error=access_denied&state=" + encode(form.get("state")));
	}

	private @Nullable FakeHitKeyUser chosenUser(Map<String, String> form) {
		String sub = form.get("user");
		if (sub != null && !sub.isEmpty()) {
			return this.hitKey.users().stream().filter((user) -> user.sub().toString().equals(sub)).findFirst()
				.orElse(null);
		}
		String name = form.getOrDefault("name", "").trim();
		String email = form.getOrDefault("email", "").trim();
		if (name.isEmpty() || email.isEmpty()) {
			return null;
		}
		FakeHitKeyUser user = FakeHitKeyUser.of(name, email);
		String role = form.getOrDefault("role", "").trim();
		if (!role.isEmpty()) {
			String[] permissions = Arrays.stream(form.getOrDefault("permissions", "").split(","))
				.map(String::trim)
				.filter((permission) -> !permission.isEmpty())
				.toArray(String[]::new);
			user = user.withProjectRole(role, permissions);
		}
		return user;
	}

	private void redirectWithCode(HttpExchange exchange, Map<String, String> request, FakeHitKeyUser user)
			throws IOException {
		String redirectUri = RedirectUris.decoded(request.get("redirect_uri"));
		String code = this.hitKey.grants()
			.issueCode(request.get("client_id"), redirectUri, user, this.hitKey.grantedScopes(request.get("scope")),
					emptyToNull(request.get("code_challenge")), emptyToNull(request.get("code_challenge_method")));
		Exchanges.redirect(exchange, redirectUri + separator(redirectUri) + "code=" + encode(code) + "&state="
				+ encode(request.get("state")));
	}

	/**
	 * Return what is wrong with an authorize request, or {@code null}.
	 */
	private @Nullable String problem(Map<String, String> request) {
		if (!this.hitKey.clientId().equals(request.get("client_id"))) {
			return "Invalid client_id";
		}
		String redirectUri = request.get("redirect_uri");
		if (redirectUri == null || !RedirectUris.isAllowed(this.hitKey.redirectUris(), redirectUri)) {
			return REDIRECT_URI_MISMATCH;
		}
		if (!"code".equals(request.get("response_type"))) {
			return "response_type must be code";
		}
		String state = request.get("state");
		if (state == null || state.isEmpty()) {
			return "state is required";
		}
		String method = request.get("code_challenge_method");
		if (method != null && !List.of("S256", "plain").contains(method)) {
			return "code_challenge_method must be S256 or plain";
		}
		return null;
	}

	/**
	 * Answer a request that HitKey refuses. A redirect URI that doesn't match is the
	 * mistake a developer makes most: the page and the log say which one came and which
	 * one was expected, and the page links back to the application.
	 */
	private void refuse(HttpExchange exchange, Map<String, String> request, String problem) throws IOException {
		if (!REDIRECT_URI_MISMATCH.equals(problem)) {
			Exchanges.html(exchange, 400, SignInPage.error(problem));
			return;
		}
		String sent = request.get("redirect_uri");
		List<String> registered = List.copyOf(this.hitKey.redirectUris());
		logger.warn("Fake HitKey refused a sign-in, " + REDIRECT_URI_MISMATCH + ": the application sent "
				+ ((sent != null) ? HitKeyLogText.of(RedirectUris.decoded(sent)) : "none") + ", "
				+ expected(registered));
		Exchanges.html(exchange, 400, SignInPage.redirectUriMismatch(REDIRECT_URI_MISMATCH,
				(sent != null) ? RedirectUris.decoded(sent) : null, expected(registered),
				(sent != null) ? RedirectUris.origin(sent) : null));
	}

	private static String expected(List<String> registered) {
		if (registered.isEmpty()) {
			return "this fake HitKey accepts redirect URIs on this machine only (localhost, 127.x.x.x, [::1])";
		}
		return ((registered.size() == 1) ? "the registered redirect URI is " : "the registered redirect URIs are ")
				+ String.join(", ", registered);
	}

	private static @Nullable String emptyToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static String separator(String uri) {
		return uri.contains("?") ? "&" : "?";
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
