package io.hitkey.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link HitKeyStartupCheck}: real applications on either stack with a missing
 * or invalid HitKey property stop with {@link InvalidHitKeyPropertyFailureAnalyzer}'s
 * report alone; those that would not use the property start.
 */
@ExtendWith(OutputCaptureExtension.class)
class HitKeyStartupCheckTests {

	private static final String SECRET = "s3cr3t-value";

	@ParameterizedTest(name = "{0}: {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			SERVLET  | hitkey.client-secret                      | is not set                | hitkey.client-id=my-client
			REACTIVE | hitkey.client-secret                      | is not set                | hitkey.client-id=my-client
			SERVLET  | hitkey.client-secret                      | is blank                  | hitkey.client-id=my-client,hitkey.client-secret=
			REACTIVE | hitkey.client-secret                      | is blank                  | hitkey.client-id=my-client,hitkey.client-secret=
			SERVLET  | hitkey.client-id                          | is not set                | hitkey.client-secret=s3cr3t-value
			REACTIVE | hitkey.client-id                          | is not set                | hitkey.client-secret=s3cr3t-value
			SERVLET  | hitkey.client-secret                      | holds a placeholder       | hitkey.client-id=my-client,hitkey.client-secret=${HITKEY_UNSET_IN_TESTS}
			REACTIVE | hitkey.client-secret                      | holds a placeholder       | hitkey.client-id=my-client,hitkey.client-secret=${HITKEY_UNSET_IN_TESTS}
			SERVLET  | hitkey.auth-url                           | is not an absolute http   | hitkey.client-id=my-client,hitkey.client-secret=s3cr3t-value,hitkey.auth-url=hitkey.io
			REACTIVE | hitkey.auth-url                           | is not an absolute http   | hitkey.client-id=my-client,hitkey.client-secret=s3cr3t-value,hitkey.auth-url=hitkey.io
			SERVLET  | hitkey.api-url                            | is not an absolute http   | hitkey.client-id=my-client,hitkey.client-secret=s3cr3t-value,hitkey.api-url=https://
			REACTIVE | hitkey.api-url                            | is not an absolute http   | hitkey.client-id=my-client,hitkey.client-secret=s3cr3t-value,hitkey.api-url=https://
			SERVLET  | hitkey.redirect-uri                       | is not an absolute http   | hitkey.client-id=my-client,hitkey.client-secret=s3cr3t-value,hitkey.redirect-uri=app.example.com/callback
			REACTIVE | hitkey.redirect-uri                       | is not an absolute http   | hitkey.client-id=my-client,hitkey.client-secret=s3cr3t-value,hitkey.redirect-uri=app.example.com/callback
			SERVLET  | hitkey.api-url                            | is not an absolute http   | hitkey.api-url=ftp://api.hitkey.io
			REACTIVE | hitkey.api-url                            | is not an absolute http   | hitkey.api-url=ftp://api.hitkey.io
			SERVLET  | hitkey.resource-server.cache.time-to-live | must be between 0s and 1h | hitkey.resource-server.cache.time-to-live=2h
			REACTIVE | hitkey.resource-server.cache.time-to-live | must be between 0s and 1h | hitkey.resource-server.cache.time-to-live=2h
			SERVLET  | hitkey.resource-server.cache.max-size      | must be at least 1        | hitkey.client-id=my-client,hitkey.client-secret=s3cr3t-value,hitkey.resource-server.cache.max-size=0
			REACTIVE | hitkey.resource-server.cache.max-size      | must be at least 1        | hitkey.resource-server.cache.max-size=0
			""")
	void invalidPropertyStopsStartupWithTheAnalyzersReportAlone(WebApplicationType stack, String property,
			String problem, String properties, CapturedOutput output) {
		SpringApplicationBuilder application = application(stack, properties.split(","));

		// Thrown as it is, not wrapped in bean creation exceptions: before the refresh.
		assertThatException().isThrownBy(application::run).isExactlyInstanceOf(InvalidHitKeyPropertyException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Sign-in with HitKey is not configured correctly: the property '" + property + "' " + problem)
			.doesNotContain("UnsatisfiedDependencyException")
			.doesNotContain("BeanCreationException")
			.doesNotContain("cancelling refresh attempt")
			.doesNotContain("Tomcat started")
			.doesNotContain("Netty started")
			.doesNotContain(SECRET);
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void apiWithoutCredentialsStarts(WebApplicationType stack, CapturedOutput output) {
		try (ConfigurableApplicationContext context = application(stack).run()) {
			assertThat(context.isActive()).isTrue();
		}
		assertThat(output).containsOnlyOnce("HitKey sign-in is off (hitkey.client-id is not set)")
			.doesNotContain("Signing in with HitKey");
	}

	@ParameterizedTest
	@EnumSource(value = WebApplicationType.class, names = { "SERVLET", "REACTIVE" })
	void signingInApplicationStartsAndSaysWhere(WebApplicationType stack, CapturedOutput output) {
		try (ConfigurableApplicationContext context = application(stack, "hitkey.client-id=my-client",
				"hitkey.client-secret=" + SECRET)
			.run()) {
			assertThat(context.isActive()).isTrue();
		}
		assertThat(output)
			.containsOnlyOnce("Signing in with HitKey at https://hitkey.io (API https://api.hitkey.io) as client my-client")
			.doesNotContain(SECRET);
	}

	@ParameterizedTest
	@CsvSource({ "NONE, hitkey.enabled=true", "SERVLET, hitkey.enabled=false", "REACTIVE, hitkey.enabled=false" })
	void applicationThatDoesNotSignInStartsWithoutTheSecret(WebApplicationType stack, String property) {
		try (ConfigurableApplicationContext context = application(stack, "hitkey.client-id=my-client", property)
			.run()) {
			assertThat(context.isActive()).isTrue();
		}
	}

	private static SpringApplicationBuilder application(WebApplicationType stack, String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(CheckedApplication.class).web(stack)
			.properties(all.toArray(String[]::new));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class CheckedApplication {

	}

}
