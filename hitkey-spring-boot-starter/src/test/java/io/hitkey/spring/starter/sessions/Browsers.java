package io.hitkey.spring.starter.sessions;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.hitkey.spring.starter.failures.Visitor;
import io.hitkey.spring.starter.failures.Visitor.Journey;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKeyUser;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser does on the instances and at HitKey, step by step, for the tests of
 * shared session stores.
 */
final class Browsers {

	static final Map<String, String> API = Map.of("Accept", "application/json");

	static final String SESSION_COOKIE = "SESSION";

	private static final Pattern SUB = Pattern.compile("\"sub\":\"([^\"]+)\"");

	private static final Pattern TOKEN = Pattern.compile("\"(accessToken|refreshToken)\":\"([^\"]+)\"");

	private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">(.*?)</form>",
			Pattern.DOTALL);

	private static final Pattern HIDDEN_FIELD = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

	private Browsers() {
	}

	/**
	 * Start a sign-in as a browser does, from a protected page through the sign-in start
	 * to HitKey's sign-in page, and pick the user there: return HitKey's answer, the
	 * redirect to the application's callback.
	 */
	static HttpResponse<String> signInAtHitKey(Visitor browser, String protectedPage, FakeHitKey hitKey,
			FakeHitKeyUser user) {
		Journey toHitKey = browser.browse(protectedPage);
		assertThat(toHitKey.redirects()).as(toHitKey.toString()).isEqualTo(2);
		assertThat(toHitKey.page().statusCode()).as(toHitKey.toString()).isEqualTo(200);
		assertThat(toHitKey.page().uri().getPort()).as("HitKey's sign-in page").isEqualTo(hitKey.port());
		return pickUser(browser, toHitKey.page(), user);
	}

	/**
	 * Press the user's button on HitKey's sign-in page: post its form, hidden fields and
	 * all.
	 */
	static HttpResponse<String> pickUser(Visitor browser, HttpResponse<String> signInPage, FakeHitKeyUser user) {
		Matcher form = FORM.matcher(signInPage.body());
		assertThat(form.find()).as(signInPage.body()).isTrue();
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher hidden = HIDDEN_FIELD.matcher(form.group(2));
		while (hidden.find()) {
			fields.put(hidden.group(1), HtmlUtils.htmlUnescape(hidden.group(2)));
		}
		fields.put("user", user.sub().toString());
		HttpResponse<String> backToTheApplication = browser
			.post(signInPage.uri().resolve(HtmlUtils.htmlUnescape(form.group(1))).toString(), fields);
		assertThat(backToTheApplication.statusCode()).as(backToTheApplication.body()).isEqualTo(302);
		return backToTheApplication;
	}

	/**
	 * Return a browser signed in on the given instance: from {@code /me} through HitKey
	 * and back (HitKey's redirect to the callback, then the callback's to {@code /me}).
	 */
	static Visitor signedIn(Instance instance, FakeHitKey hitKey, FakeHitKeyUser user) {
		Visitor browser = new Visitor(instance.port());
		Journey back = browser.follow(signInAtHitKey(browser, instance.url("/me"), hitKey, user));
		assertThat(back.redirects()).as(back.toString()).isEqualTo(2);
		assertThat(sub(back.page())).isEqualTo(user.sub().toString());
		return browser;
	}

	/**
	 * Return the tokens the given instance holds for the browser, refreshed on the way
	 * when the access token expired.
	 */
	static Map<String, String> tokens(Visitor browser, Instance instance) {
		HttpResponse<String> answer = browser.get(instance.url("/token"), API);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		Map<String, String> tokens = new LinkedHashMap<>();
		Matcher token = TOKEN.matcher(answer.body());
		while (token.find()) {
			tokens.put(token.group(1), token.group(2));
		}
		assertThat(tokens).containsOnlyKeys("accessToken", "refreshToken");
		return tokens;
	}

	/**
	 * Return the {@code sub} of the signed-in user that {@code /me} answered.
	 */
	static String sub(HttpResponse<String> me) {
		Matcher sub = SUB.matcher(me.body());
		assertThat(sub.find()).as(me.uri() + " " + me.statusCode() + " " + me.body()).isTrue();
		return sub.group(1);
	}

	/**
	 * Return the id of the browser's session, as the given instance's cookie names it.
	 */
	static String sessionId(Visitor browser, Instance instance) {
		return instance.sessionId(browser.cookie(SESSION_COOKIE).orElseThrow().getValue());
	}

	/**
	 * Return the path and query of the given answer's URL.
	 */
	static String pathAndQuery(HttpResponse<String> answer) {
		String query = answer.uri().getRawQuery();
		return answer.uri().getPath() + ((query != null) ? "?" + query : "");
	}

}
