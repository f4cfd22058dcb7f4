package io.hitkey.spring.test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of the fake's sign-in page: one button per test user, a form for an ad-hoc
 * user, and a way to refuse.
 *
 * @author HitKey
 */
final class SignInPage {

	private static final List<String> CARRIED_PARAMETERS = List.of("client_id", "redirect_uri", "response_type",
			"state", "scope", "code_challenge", "code_challenge_method");

	private static final String STYLE = """
			*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
			background:#0f172a;color:#0f172a;display:flex;min-height:100vh;align-items:center;justify-content:center}
			main{background:#fff;border-radius:16px;padding:32px;width:min(460px,92vw);box-shadow:0 20px 50px #0006}
			h1{font-size:22px;margin:0 0 4px}p.lead{color:#475569;margin:0 0 20px;font-size:14px}
			.badge{display:inline-block;background:#fef3c7;color:#92400e;border-radius:999px;padding:2px 10px;
			font-size:12px;font-weight:600;margin-bottom:12px}
			button{font:inherit;cursor:pointer}
			.user{display:flex;width:100%;align-items:center;gap:12px;text-align:left;background:#f8fafc;
			border:1px solid #e2e8f0;border-radius:12px;padding:12px 14px;margin-bottom:10px}
			.user:hover{border-color:#6366f1;background:#eef2ff}
			.avatar{width:40px;height:40px;border-radius:50%;background:#6366f1;color:#fff;display:flex;
			align-items:center;justify-content:center;font-weight:700}
			.who{flex:1}.who strong{display:block}.who span{color:#64748b;font-size:13px}
			.role{font-size:12px;background:#e0e7ff;color:#3730a3;border-radius:999px;padding:2px 8px}
			details{margin:16px 0;border-top:1px solid #e2e8f0;padding-top:12px}
			label{display:block;font-size:13px;color:#475569;margin-top:8px}
			input{width:100%;padding:8px 10px;border:1px solid #cbd5e1;border-radius:8px;font:inherit}
			.primary{margin-top:12px;width:100%;background:#6366f1;color:#fff;border:0;border-radius:8px;padding:10px}
			.deny{background:none;border:0;color:#64748b;text-decoration:underline;padding:0}
			.scopes{font-size:13px;color:#475569}.error{color:#b91c1c}
			""";

	private SignInPage() {
	}

	static String render(Map<String, String> request, List<FakeHitKeyUser> users, Set<String> scopes,
			@Nullable FakeHitKeyProject project) {
		StringBuilder html = new StringBuilder(page("Sign in with HitKey"));
		html.append("<main><span class=\"badge\">Fake HitKey</span><h1>Sign in with HitKey</h1>");
		html.append("<p class=\"lead\">A test stand-in for HitKey: pick a user to sign in as.</p>");
		html.append("<form method=\"post\" action=\"").append(AuthorizeEndpoint.APPROVE_PATH).append("\">");
		hiddenFields(html, request);
		for (FakeHitKeyUser user : users) {
			html.append("<button class=\"user\" type=\"submit\" name=\"user\" value=\"")
				.append(user.sub())
				.append("\" data-email=\"")
				.append(escape(user.email()))
				.append("\"><span class=\"avatar\">")
				.append(escape(user.name().substring(0, 1)))
				.append("</span><span class=\"who\"><strong>")
				.append(escape(user.name()))
				.append("</strong><span>")
				.append(escape(user.email()))
				.append("</span></span>");
			if (user.projectRole() != null && project != null) {
				html.append("<span class=\"role\">").append(escape(user.projectRole())).append("</span>");
			}
			html.append("</button>");
		}
		html.append("</form>");
		html.append("<details><summary>Sign in as someone else</summary>");
		html.append("<form method=\"post\" action=\"").append(AuthorizeEndpoint.APPROVE_PATH).append("\">");
		hiddenFields(html, request);
		html.append("<label>Name<input name=\"name\" required></label>")
			.append("<label>Email<input name=\"email\" type=\"email\" required></label>")
			.append("<label>Project role<input name=\"role\" placeholder=\"owner, admin or member\"></label>")
			.append("<label>Permissions<input name=\"permissions\" placeholder=\"can_deploy, can_review\"></label>")
			.append("<button class=\"primary\" type=\"submit\">Sign in</button></form></details>");
		html.append("<p class=\"scopes\">The application asks for: ")
			.append(escape(String.join(", ", scopes)))
			.append("</p>");
		html.append("<form method=\"post\" action=\"").append(AuthorizeEndpoint.DENY_PATH).append("\">");
		hiddenFields(html, request);
		html.append("<button class=\"deny\" type=\"submit\">Cancel and go back</button></form>");
		return html.append("</main></body></html>").toString();
	}

	static String error(String message) {
		return page("HitKey error") + "<main><span class=\"badge\">Fake HitKey</span><h1>Can't sign in</h1>"
				+ "<p class=\"error\">" + escape(message) + "</p></main></body></html>";
	}

	/**
	 * The page for a redirect URI that doesn't match: HitKey's message, what came, what
	 * was expected, and a link back to the application when its address is known.
	 */
	static String redirectUriMismatch(String message, @Nullable String sent, String expected, @Nullable String back) {
		StringBuilder html = new StringBuilder(page("HitKey error"));
		html.append("<main><span class=\"badge\">Fake HitKey</span><h1>Can't sign in</h1>")
			.append("<p class=\"error\">")
			.append(escape(message))
			.append("</p><p>The application sent the redirect URI <code>")
			.append((sent != null) ? escape(sent) : "(none)")
			.append("</code>, but ")
			.append(escape(expected))
			.append(". HitKey compares scheme, host, port and path exactly (a trailing slash aside).</p>");
		if (back != null) {
			html.append("<p><a href=\"").append(escape(back)).append("\">Back to ").append(escape(back)).append("</a></p>");
		}
		return html.append("</main></body></html>").toString();
	}

	private static String page(String title) {
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
				+ "</title><style>" + STYLE + "</style></head><body>";
	}

	private static void hiddenFields(StringBuilder html, Map<String, String> request) {
		for (String name : CARRIED_PARAMETERS) {
			String value = request.get(name);
			if (value != null) {
				html.append("<input type=\"hidden\" name=\"")
					.append(name)
					.append("\" value=\"")
					.append(escape(value))
					.append("\">");
			}
		}
	}

	private static String escape(@Nullable String value) {
		return (value != null) ? HtmlUtils.htmlEscape(value) : "";
	}

}
