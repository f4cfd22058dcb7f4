package io.hitkey.spring.starter.quickstart;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.hitkey.spring.starter.failures.Visitor;
import io.hitkey.spring.starter.failures.Visitor.Journey;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKeyConfiguration;
import io.hitkey.spring.test.FakeHitKeyUser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The README's Quick start, step 3: the application of the Quick start, run by its test
 * main ({@link TestMyApplication}) with {@code FakeHitKeyConfiguration}, signs in
 * against a fake HitKey over real HTTP, on the servlet stack and on WebFlux.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class FakeHitKeyTestRunTests {

	private static final Pattern HIDDEN_FIELD = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

	private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");

	private final WebApplicationType type;

	private final List<ConfigurableApplicationContext> applications = new ArrayList<>();

	protected FakeHitKeyTestRunTests(WebApplicationType type) {
		this.type = type;
	}

	@AfterEach
	void stopApplications() {
		this.applications.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void theTestMainOfTheQuickStartSignsInThroughTheFakesSignInPage(CapturedOutput output) {
		TestMyApplication.main(arguments("--spring.main.sources=" + Launched.class.getName()));
		ConfigurableApplicationContext application = Launched.take();
		this.applications.add(application);
		FakeHitKey hitKey = application.getBean(FakeHitKey.class);
		int port = port(application);
		Visitor browser = new Visitor(port);

		Journey toHitKey = browser.browse("/me");

		assertThat(toHitKey.redirects()).as(toHitKey.toString()).isEqualTo(2);
		HttpResponse<String> signInPage = toHitKey.page();
		assertThat(signInPage.statusCode()).isEqualTo(200);
		assertThat(signInPage.uri().toString()).startsWith(hitKey.authUrl() + "/?");
		FakeHitKeyUser grace = hitKey.users().get(1);
		assertThat(signInPage.body()).contains("Sign in with HitKey", "Ada Lovelace", "Grace Hopper");

		Journey back = browser.follow(browser.post(signInPage.uri().resolve(formAction(signInPage)).toString(),
				signInForm(signInPage, grace)));

		assertThat(back.redirects()).as(back.toString()).isEqualTo(2);
		assertThat(back.page().uri().getPath()).isEqualTo("/me");
		assertThat(back.page().statusCode()).isEqualTo(200);
		assertThat(back.page().body()).isEqualTo("Hello Grace (" + grace.sub() + ")");
		assertThat(output).contains("Signing in against a fake HitKey at " + hitKey.authUrl()
				+ " (for development only): open http://localhost:" + port + " and pick a test user on its sign-in page");
	}

	@Test
	void theFakeStopsWithTheApplication() {
		ConfigurableApplicationContext application = launch();
		int fakePort = application.getBean(FakeHitKey.class).port();
		assertThat(accepts(fakePort)).isTrue();

		application.close();

		assertThat(accepts(fakePort)).isFalse();
	}

	@Test
	void theFakeListensOnItsPortPropertyAndItsCredentialsWinOverTheApplications() throws IOException {
		int fakePort = freePort();
		ConfigurableApplicationContext application = launch("--hitkey.fake.port=" + fakePort,
				"--hitkey.client-id=my-client", "--hitkey.client-secret=my-secret",
				"--hitkey.auth-url=https://hitkey.example.com", "--hitkey.api-url=https://api.hitkey.example.com");
		FakeHitKey hitKey = application.getBean(FakeHitKey.class);
		Environment environment = application.getEnvironment();

		assertThat(hitKey.port()).isEqualTo(fakePort);
		assertThat(environment.getProperty("hitkey.auth-url")).isEqualTo("http://127.0.0.1:" + fakePort);
		assertThat(environment.getProperty("hitkey.api-url")).isEqualTo("http://127.0.0.1:" + fakePort);
		assertThat(environment.getProperty("hitkey.client-id")).isEqualTo(FakeHitKey.DEFAULT_CLIENT_ID);
		assertThat(environment.getProperty("hitkey.client-secret")).isEqualTo(FakeHitKey.DEFAULT_CLIENT_SECRET);
		FakeHitKeyUser ada = hitKey.users().get(0);
		hitKey.autoApprove(ada);
		Journey journey = new Visitor(port(application)).browse("/me");
		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(4);
		assertThat(journey.page().statusCode()).isEqualTo(200);
		assertThat(journey.page().body()).isEqualTo("Hello Ada (" + ada.sub() + ")");
		assertThat(hitKey.tokenCalls("authorization_code")).isEqualTo(1);
	}

	@Test
	void aFakePortThatIsTakenStopsTheStartupWithAMessageThatNamesTheProperty() {
		int fakePort = launch().getBean(FakeHitKey.class).port();

		assertThatIllegalStateException().isThrownBy(() -> launch("--hitkey.fake.port=" + fakePort))
			.withMessage("Could not start the fake HitKey on port " + fakePort
					+ " (hitkey.fake.port): is another application using that port?");
	}

	@Test
	void aRedirectUriTheFakeDoesNotExpectEndsOnItsPageThatSaysWhichAndLinksBack(CapturedOutput output) {
		ConfigurableApplicationContext application = launch();
		FakeHitKey hitKey = application.getBean(FakeHitKey.class);
		int port = port(application);
		String origin = "http://127.0.0.1:" + port;
		String sent = origin + "/login/oauth2/code/hitkey";
		String expected = "http://localhost:" + port + "/login/oauth2/code/hitkey";

		Journey journey = new Visitor(port).browse(origin + "/me");

		assertThat(journey.redirects()).as(journey.toString()).isEqualTo(2);
		HttpResponse<String> page = journey.page();
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.uri().toString()).startsWith(hitKey.authUrl() + "/?");
		assertThat(page.body()).contains("<p class=\"error\">redirect_uri doesn&#39;t match</p>",
				"The application sent the redirect URI <code>" + sent
						+ "</code>, but the registered redirect URI is " + expected + ".",
				"<a href=\"" + origin + "\">Back to " + origin + "</a>");
		assertThat(output).containsOnlyOnce("Fake HitKey refused a sign-in, redirect_uri doesn't match: "
				+ "the application sent " + sent + ", the registered redirect URI is " + expected);
		assertThat(output.toString().lines().filter((line) -> line.contains("Fake HitKey refused")))
			.singleElement()
			.asString()
			.contains("WARN");
		assertThat(hitKey.calls(FakeHitKey.Endpoint.TOKEN)).isZero();
	}

	@Test
	void anApplicationLaunchedWithoutTheConfigurationStartsNoFake(CapturedOutput output) {
		ConfigurableApplicationContext application = SpringApplication.from(MyApplication::main)
			.run(arguments("--hitkey.client-id=my-client", "--hitkey.client-secret=my-secret"))
			.getApplicationContext();
		this.applications.add(application);

		assertThat(application.getBeanProvider(FakeHitKey.class).getIfAvailable()).isNull();
		assertThat(application.getEnvironment().getProperty("hitkey.client-id")).isEqualTo("my-client");
		HttpResponse<String> toHitKey = new Visitor(port(application)).get("/oauth2/authorization/hitkey");
		assertThat(toHitKey.statusCode()).isEqualTo(302);
		assertThat(Visitor.location(toHitKey)).startsWith("https://hitkey.io/?").contains("client_id=my-client");
		assertThat(output).doesNotContain("fake HitKey");
	}

	/**
	 * Launch the Quick start's application as its test main does.
	 */
	private ConfigurableApplicationContext launch(String... arguments) {
		ConfigurableApplicationContext application = SpringApplication.from(MyApplication::main)
			.with(FakeHitKeyConfiguration.class)
			.run(arguments(arguments))
			.getApplicationContext();
		this.applications.add(application);
		return application;
	}

	private String[] arguments(String... more) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.main.web-application-type=" + this.type.name().toLowerCase(Locale.ROOT)));
		arguments.addAll(List.of(more));
		return arguments.toArray(String[]::new);
	}

	private static int port(ConfigurableApplicationContext application) {
		return application.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static String formAction(HttpResponse<String> page) {
		Matcher action = FORM_ACTION.matcher(page.body());
		assertThat(action.find()).as(page.body()).isTrue();
		return HtmlUtils.htmlUnescape(action.group(1));
	}

	/**
	 * Return what the sign-in page's form posts when the given user is picked.
	 */
	private static Map<String, String> signInForm(HttpResponse<String> page, FakeHitKeyUser user) {
		assertThat(page.body()).contains("name=\"user\" value=\"" + user.sub() + "\"");
		Map<String, String> form = new LinkedHashMap<>();
		Matcher hidden = HIDDEN_FIELD.matcher(page.body());
		while (hidden.find()) {
			form.put(hidden.group(1), HtmlUtils.htmlUnescape(hidden.group(2)));
		}
		form.put("user", user.sub().toString());
		return form;
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Hands the context that the test main started to the test, as one more source of
	 * the application ({@code spring.main.sources}): the main method returns nothing.
	 */
	static final class Launched implements ApplicationContextAware {

		private static volatile @Nullable ConfigurableApplicationContext context;

		@Override
		public void setApplicationContext(ApplicationContext applicationContext) {
			context = (ConfigurableApplicationContext) applicationContext;
		}

		static ConfigurableApplicationContext take() {
			ConfigurableApplicationContext launched = context;
			assertThat(launched).as("context started by TestMyApplication").isNotNull();
			context = null;
			return launched;
		}

	}

}
