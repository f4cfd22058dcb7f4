package io.hitkey.spring.starter.failures;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKey.Endpoint;
import io.hitkey.spring.test.FakeHitKeyFault;
import io.hitkey.spring.web.HitKeyLoginConfigurer;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chain the application writes itself, in the order the README shows, with its own
 * failure page that shows HitKey's message.
 */
@SpringBootTest(classes = FailureTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(AppDefinedChainFailureTests.AppSecurity.class)
@AutoConfigureFakeHitKey
@ExtendWith(OutputCaptureExtension.class)
class AppDefinedChainFailureTests extends FailureTestSupport {

	@Test
	void hitKeysMessageReachesTheApplicationsFailurePage(CapturedOutput output) {
		this.hitKey.failNext(Endpoint.TOKEN, 1, FakeHitKeyFault.error(400, "Invalid or expired authorization code"));

		HttpResponse<String> page = this.browser.follow(this.browser.get("/me"));

		assertThat(page.uri().getPath()).isEqualTo("/signin-failed");
		assertThat(page.body()).isEqualTo("Sign-in failed: Invalid or expired authorization code");
		assertThat(output).contains("HitKey sign-in failed: invalid_grant: Invalid or expired authorization code");
		assertThat(this.browser.get("/me", Map.of("Accept", "application/json")).statusCode()).isEqualTo(401);
	}

	@Test
	void unreachableHitKeyIsDescribedWithoutInternals() {
		this.hitKey.failNext(Endpoint.TOKEN, 1, FakeHitKeyFault.dropConnection());

		HttpResponse<String> page = this.browser.follow(this.browser.get("/me"));

		assertThat(page.body())
			.isEqualTo("Sign-in failed: HitKey could not be reached, or its answer could not be read");
	}

	@Test
	void userinfoErrorIsDescribedWithHitKeysMessage() {
		this.hitKey.failNext(Endpoint.USERINFO, 2, FakeHitKeyFault.error(401, "Invalid or expired access token"));

		HttpResponse<String> page = this.browser.follow(this.browser.get("/me"));

		assertThat(page.body()).isEqualTo("Sign-in failed: Invalid or expired access token");
	}

	@Test
	void garbageIsNeverReflectedOnTheFailurePage() {
		this.browser.get("/me");
		URI authorize = URI.create(Visitor.location(this.browser.get("/oauth2/authorization/hitkey")));
		String callback = Visitor.location(this.browser.get(authorize.toString()));
		String tampered = callback.replaceFirst("code=[^&]*", "code=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

		HttpResponse<String> page = this.browser.follow(this.browser.get(tampered));

		assertThat(page.uri().getPath()).isEqualTo("/signin-failed");
		assertThat(page.body()).startsWith("Sign-in failed: ").doesNotContain("<script>");
	}

	@Test
	void apiClientsGet401WhateverTheirAcceptHeader() {
		for (String accept : new String[] { "application/json", "application/json, text/plain, */*", "*/*" }) {
			HttpResponse<String> answer = this.browser.get("/me", Map.of("Accept", accept));
			assertThat(answer.statusCode()).as(accept).isEqualTo(401);
			assertThat(answer.headers().firstValue("WWW-Authenticate")).as(accept).isPresent();
		}
		assertThat(this.browser.get("/me").statusCode()).isEqualTo(302);
	}

	@Test
	void refusedRefreshSignsTheUserOut() {
		this.hitKey.accessTokenLifetime(Duration.ofSeconds(30));
		assertThat(this.browser.follow(this.browser.get("/me")).statusCode()).isEqualTo(200);
		this.hitKey.revokeRefreshTokens();

		assertThat(this.browser.get("/token", Map.of("Accept", "application/json")).statusCode()).isEqualTo(401);
		assertThat(this.browser.get("/me", Map.of("Accept", "application/json")).statusCode()).isEqualTo(401);
	}

	@Configuration(proxyBeanMethods = false)
	static class AppSecurity {

		@Bean
		SecurityFilterChain appSecurityFilterChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/signin-failed")
				.permitAll()
				.anyRequest()
				.authenticated());
			http.oauth2Login(Customizer.withDefaults());
			http.with(HitKeyLoginConfigurer.hitKey(), (hitKey) -> hitKey.failureUrl("/signin-failed"));
			return http.build();
		}

		@RestController
		static class FailurePage {

			@GetMapping(path = "/signin-failed", produces = "text/plain")
			String failed(HttpSession session) {
				Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
				String message = (failure instanceof OAuth2AuthenticationException oauth2
						&& oauth2.getError().getDescription() != null) ? oauth2.getError().getDescription()
								: "unknown";
				return "Sign-in failed: " + HtmlUtils.htmlEscape(message);
			}

		}

	}

}
