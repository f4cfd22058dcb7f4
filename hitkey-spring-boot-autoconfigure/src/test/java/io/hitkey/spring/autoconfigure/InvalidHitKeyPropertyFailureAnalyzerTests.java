package io.hitkey.spring.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link InvalidHitKeyPropertyFailureAnalyzer}: a misconfiguration stops
 * startup with a message naming the property and its environment variable.
 */
class InvalidHitKeyPropertyFailureAnalyzerTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(HitKeyAutoConfiguration.class, HitKeyOAuth2ClientAutoConfiguration.class))
		.withPropertyValues("hitkey.client-id=my-client", "hitkey.client-secret=s3cr3t-value");

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			hitkey.client-id     | ''                       | is blank                  | HITKEY_CLIENT_ID
			hitkey.client-id     | '   '                    | is blank                  | HITKEY_CLIENT_ID
			hitkey.client-secret | ''                       | is blank                  | HITKEY_CLIENT_SECRET
			hitkey.auth-url      | hitkey.io                | is not an absolute http   | HITKEY_AUTH_URL
			hitkey.auth-url      | ftp://hitkey.io          | is not an absolute http   | HITKEY_AUTH_URL
			hitkey.auth-url      | https://hitkey.io/?a=b   | without query or fragment | HITKEY_AUTH_URL
			hitkey.api-url       | 'https://api hitkey.io'  | is not an absolute http   | HITKEY_API_URL
			hitkey.api-url       | https://                 | is not an absolute http   | HITKEY_API_URL
			hitkey.redirect-uri  | ''                       | is blank                  | HITKEY_REDIRECT_URI
			hitkey.redirect-uri  | app.example.com/callback | is not an absolute http   | HITKEY_REDIRECT_URI
			hitkey.client-secret | ${HITKEY_UNSET_IN_TESTS} | could not be resolved     | HITKEY_CLIENT_SECRET
			""")
	void invalidPropertyStopsStartupWithAnExplanation(String property, String value, String problem,
			String environmentVariable) {
		this.contextRunner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidHitKeyPropertyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'" + property + "'").contains(problem);
			assertThat(analysis.getAction()).contains(property)
				.contains(environmentVariable)
				.contains("hitkey.enabled=false");
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("s3cr3t-value");
		});
	}

	@ParameterizedTest
	@CsvSource({ "hitkey.client-id,HITKEY_CLIENT_ID", "hitkey.client-secret,HITKEY_CLIENT_SECRET" })
	void missingCredentialStopsStartupWithAnExplanation(String property, String environmentVariable) {
		String other = property.equals("hitkey.client-id") ? "hitkey.client-secret=x" : "hitkey.client-id=x";
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(HitKeyAutoConfiguration.class, HitKeyOAuth2ClientAutoConfiguration.class))
			.withPropertyValues(other)
			.run((context) -> {
				FailureAnalysis analysis = new InvalidHitKeyPropertyFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).isEqualTo("Sign-in with HitKey is not configured correctly: "
						+ "the property '" + property + "' is not set.");
				assertThat(analysis.getAction()).startsWith("Set '" + property + "' in application.yml")
					.contains(environmentVariable);
			});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void startupFailureReportNamesTheMissingProperty(CapturedOutput output) {
		// With it, an application without a client id is an API that accepts HitKey tokens.
		FilteredClassLoader withoutResourceServer = new FilteredClassLoader("org.springframework.security.oauth2.server.resource");
		SpringApplication application = new SpringApplication(new DefaultResourceLoader(withoutResourceServer),
				StarterOnlyApplication.class);
		application.setDefaultProperties(Map.of("server.port", "0"));
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("the property 'hitkey.client-id' is not set")
			.contains("HITKEY_CLIENT_ID");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class StarterOnlyApplication {

	}

}
