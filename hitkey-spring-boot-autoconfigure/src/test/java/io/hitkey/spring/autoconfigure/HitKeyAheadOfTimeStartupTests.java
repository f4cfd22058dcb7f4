package io.hitkey.spring.autoconfigure;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
 * Tests for {@link HitKeyStartupCheck} in applications built ahead of time (Spring AOT)
 * in the test's JVM, as {@code process-aot} builds them, without a client id, and
 * started from the generated code: the build chose the API without sign-in, so a client
 * id or secret given at startup stops it with {@link InvalidHitKeyPropertyFailureAnalyzer}'s
 * report, where it would otherwise answer browsers with {@code 401}.
 */
@ExtendWith(OutputCaptureExtension.class)
class HitKeyAheadOfTimeStartupTests {

	private static final String CLIENT_ID = "aot-client-4711";

	private static final String SECRET = "s3cr3t-value";

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "SERVLET, hitkey.client-id, HITKEY_CLIENT_ID", "REACTIVE, hitkey.client-id, HITKEY_CLIENT_ID",
			"SERVLET, hitkey.client-secret, HITKEY_CLIENT_SECRET",
			"REACTIVE, hitkey.client-secret, HITKEY_CLIENT_SECRET" })
	void apiBuiltWithoutClientIdStopsWhenStartedWithCredentials(WebApplicationType stack, String property,
			String environmentVariable, CapturedOutput output) throws Exception {
		SpringApplicationBuilder application = builtAsApi(stack);
		if (property.equals("hitkey.client-id")) {
			application.properties("hitkey.client-id=" + CLIENT_ID, "hitkey.client-secret=" + SECRET);
		}
		else {
			application.properties("hitkey.client-secret=" + SECRET);
		}

		// Thrown as it is, before the refresh: no bean of the frozen API is made.
		assertThatException().isThrownBy(() -> AheadOfTimeBuild.withGeneratedArtifacts(application::run))
			.isExactlyInstanceOf(InvalidHitKeyPropertyException.class)
			.satisfies((ex) -> assertThat(((InvalidHitKeyPropertyException) ex).getEnvironmentVariable())
				.isEqualTo(environmentVariable));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Sign-in with HitKey is not configured correctly: the property '" + property + "' is set now, "
					+ "but this application was built ahead of time (Spring AOT) as an API that accepts HitKey "
					+ "access tokens, without sign-in, because hitkey.client-id was not set when it was built.")
			.contains("Set HITKEY_CLIENT_ID (any non-blank value) in the environment of the build (process-aot) to "
					+ "build it with sign-in, or remove hitkey.client-id and hitkey.client-secret to run it as an "
					+ "API only.")
			.doesNotContain("HitKey sign-in is off")
			.doesNotContain("BeanCreationException")
			.doesNotContain("cancelling refresh attempt")
			.doesNotContain("Tomcat started")
			.doesNotContain("Netty started")
			.doesNotContain(CLIENT_ID)
			.doesNotContain(SECRET);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			SERVLET  | hitkey.enabled=true
			REACTIVE | hitkey.enabled=true
			SERVLET  | 'hitkey.client-id=   '
			REACTIVE | 'hitkey.client-id=   '
			""")
	void apiBuiltWithoutClientIdStartsWithoutCredentials(WebApplicationType stack, String property,
			CapturedOutput output) throws Exception {
		SpringApplicationBuilder application = builtAsApi(stack).properties(property);

		try (ConfigurableApplicationContext context = AheadOfTimeBuild.withGeneratedArtifacts(application::run)) {
			assertThat(context.isActive()).isTrue();
		}
		assertThat(output).containsOnlyOnce("HitKey sign-in is off (hitkey.client-id is not set)")
			.doesNotContain("Signing in with HitKey");
	}

	private static SpringApplicationBuilder builtAsApi(WebApplicationType stack) throws Exception {
		Class<?> applicationClass = (stack == WebApplicationType.SERVLET) ? ServletApi.class : ReactiveApi.class;
		return application(applicationClass, stack)
			.initializers(AheadOfTimeBuild.build(applicationClass, application(applicationClass, stack).build()));
	}

	private static SpringApplicationBuilder application(Class<?> applicationClass, WebApplicationType stack) {
		return new SpringApplicationBuilder(applicationClass).web(stack)
			.properties("server.port=0", "spring.main.banner-mode=off");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ServletApi {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ReactiveApi {

	}

}
