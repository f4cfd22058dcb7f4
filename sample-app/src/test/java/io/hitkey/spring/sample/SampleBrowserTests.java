package io.hitkey.spring.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKeyFault;
import io.hitkey.spring.test.FakeHitKeyUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample in demo mode, driven by a real headless Chromium: sign in on the fake
 * HitKey's page, see the profile, refresh it and reload the result, reach the admin page
 * through its link or see no link and be refused, call the API as the signed-in user,
 * sign out, cancel a sign-in at HitKey, and a refused code ending on the friendly error
 * page. Skipped
 * when Chromium is missing, unless {@code sample.browser.required} is {@code true} (as in
 * CI).
 * <p>
 * On a port chosen before the start: the pages call the API at
 * {@code http://localhost:${server.port}}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
class SampleBrowserTests {

	private static final int PORT = freePort();

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static WebDriver browser;

	private static Path profileDirectory;

	@Autowired
	FakeHitKey demoHitKey;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void serverPort(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
	}

	@BeforeAll
	static void startBrowser() throws IOException {
		boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!available && Boolean.getBoolean("sample.browser.required")) {
			fail("The browser test is required (sample.browser.required=true) but " + CHROMIUM + " or "
					+ CHROMEDRIVER + " is missing: apt-get install -y chromium chromium-driver");
		}
		assumeTrue(available, () -> "Skipping the browser test: " + CHROMIUM + " or " + CHROMEDRIVER
				+ " is missing (apt-get install -y chromium chromium-driver)");
		profileDirectory = Files.createTempDirectory("sample-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1200,900", "--user-data-dir=" + profileDirectory);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void signInProfileAdminLogoutAndErrorFlow() throws IOException {
		FakeHitKeyUser ada = this.demoHitKey.users().get(0);
		FakeHitKeyUser grace = this.demoHitKey.users().get(1);

		open("/");
		assertThat(find(By.id("demo-banner")).getText()).contains("Demo mode: fake HitKey");
		screenshot("home");
		find(By.id("sign-in")).click();
		waitFor(By.cssSelector("button.user"));
		screenshot("fake-hitkey");
		signInAs(ada);
		waitFor(By.id("sub"));
		assertThat(browser.getCurrentUrl()).endsWith("/profile");
		assertThat(find(By.id("sub")).getText()).isEqualTo(ada.sub().toString());
		assertThat(find(By.id("display-name")).getText()).isEqualTo("Ada Lovelace");
		assertThat(find(By.id("project-name")).getText()).isEqualTo("Demo project");
		assertThat(find(By.id("project-role")).getText()).isEqualTo("admin");
		assertThat(find(By.id("permissions")).getText()).contains("can_deploy");
		assertThat(find(By.id("demo-banner")).isDisplayed()).isTrue();
		screenshot("profile");

		find(By.id("refresh-profile")).click();
		assertThat(waitFor(By.id("refreshed-at")).getText()).startsWith("Refreshed from HitKey's userinfo at ");
		assertThat(browser.getCurrentUrl()).endsWith("/profile");
		browser.navigate().refresh();
		assertThat(waitFor(By.id("sub")).getText()).isEqualTo(ada.sub().toString());
		assertThat(find(By.id("refreshed-at")).isDisplayed()).isTrue();
		assertThat(browser.getCurrentUrl()).endsWith("/profile");
		screenshot("profile-refreshed");

		find(By.id("nav-admin")).click();
		assertThat(waitFor(By.id("admin-title")).getText()).isEqualTo("Project admin");
		screenshot("admin-allowed");

		find(By.id("nav-call-api")).click();
		assertThat(waitFor(By.id("api-sub")).getText()).isEqualTo(ada.sub().toString());
		assertThat(find(By.id("api-name")).getText()).isEqualTo("Ada Lovelace");
		assertThat(find(By.id("api-role")).getText()).isEqualTo("admin in Demo project");
		assertThat(find(By.id("api-authorities")).getText()).contains("PERMISSION_can_deploy", "ROLE_ADMIN");
		assertThat(find(By.id("no-notes")).getText()).isEqualTo("No notes yet.");
		find(By.id("note-text")).sendKeys("Ship the API on Friday");
		find(By.id("add-note")).click();
		waitForText(By.id("notes"), "Ship the API on Friday");
		assertThat(find(By.id("api-sub")).getText()).isEqualTo(ada.sub().toString());
		screenshot("call-api");
		signOut();

		signInAs(grace);
		waitFor(By.id("sub"));
		assertThat(find(By.id("display-name")).getText()).isEqualTo("Grace Hopper");
		assertThat(browser.findElements(By.id("nav-admin"))).isEmpty();
		open("/admin");
		assertThat(waitFor(By.id("forbidden-title")).getText()).isEqualTo("This page is for project admins");
		screenshot("admin-refused");

		this.demoHitKey.failNext(FakeHitKey.Endpoint.USERINFO, 1, FakeHitKeyFault.error(503, "maintenance"));
		find(By.id("nav-call-api")).click();
		assertThat(waitFor(By.id("api-error")).getText())
			.isEqualTo("The API answered 503 Service Unavailable: try again in a moment.");
		assertThat(browser.getPageSource()).doesNotContain("Exception");
		screenshot("call-api-error");
		find(By.id("nav-call-api")).click();
		assertThat(waitFor(By.id("api-name")).getText()).isEqualTo("Grace Hopper");
		assertThat(find(By.id("api-role")).getText()).isEqualTo("member in Demo project");
		assertThat(find(By.id("no-notes")).getText()).isEqualTo("No notes yet.");
		signOut();

		open("/");
		waitFor(By.id("sign-in")).click();
		waitFor(By.cssSelector("button.deny")).click();
		assertThat(waitFor(By.id("login-error-title")).getText()).isEqualTo("You cancelled the sign-in at HitKey");
		assertThat(browser.getCurrentUrl()).endsWith("/login-error");
		assertThat(browser.getPageSource()).doesNotContain("HitKey said");
		screenshot("login-cancelled");

		open("/error");
		assertThat(waitFor(By.id("not-found-title")).getText()).isEqualTo("Page not found");

		this.demoHitKey.failNext(FakeHitKey.Endpoint.TOKEN, 1,
				FakeHitKeyFault.error(400, "Invalid or expired authorization code"));
		signInAs(ada);
		assertThat(waitFor(By.id("login-error-message")).getText()).isEqualTo("Invalid or expired authorization code");
		assertThat(find(By.id("login-error-title")).getText()).isEqualTo("Sign-in with HitKey failed");
		assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("at io.");
		screenshot("login-error");
	}

	private void signInAs(FakeHitKeyUser user) {
		open("/");
		waitFor(By.id("sign-in")).click();
		waitFor(By.cssSelector("button.user[data-email='" + user.email() + "']")).click();
	}

	private void signOut() {
		waitFor(By.id("logout")).click();
		waitFor(By.id("sign-in"));
		assertThat(browser.getCurrentUrl()).endsWith("/");
	}

	private void open(String path) {
		browser.get("http://localhost:" + this.port + path);
	}

	private static WebElement find(By by) {
		return browser.findElement(by);
	}

	private static void waitForText(By by, String text) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static WebElement waitFor(By by) {
		return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	private static void screenshot(String name) throws IOException {
		File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
		Path directory = Path.of(System.getProperty("sample.screenshots", "target/screenshots"));
		Files.createDirectories(directory);
		Files.copy(shot.toPath(), directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
