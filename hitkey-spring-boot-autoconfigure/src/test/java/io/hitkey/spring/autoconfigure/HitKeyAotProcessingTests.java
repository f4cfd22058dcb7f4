package io.hitkey.spring.autoconfigure;

import io.hitkey.spring.HitKeyUser;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.javapoet.ClassName;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's ahead-of-time processing of an application with the starter: Spring Boot
 * registers the binding hints of {@link HitKeyProperties} itself, and the starter's
 * registrars are found in {@code META-INF/spring/aot.factories}.
 */
class HitKeyAotProcessingTests {

	@Test
	void aheadOfTimeProcessingGathersThePropertiesBindingAndTheStartersHints() {
		RuntimeHints hints = processAheadOfTime();

		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(HitKeyProperties.class, "setClientId"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(HitKeyProperties.Session.class, "setSerialization")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onJavaSerialization(HitKeyUser.class, true)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onJavaSerialization(OAuth2AuthorizationRequest.class, true))
			.accepts(hints);
	}

	private RuntimeHints processAheadOfTime() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(StarterApplication.class);
			DefaultGenerationContext generation = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get("com.example", "StarterApplication")),
					new InMemoryGeneratedFiles());
			new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
			return generation.getRuntimeHints();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(HitKeyAutoConfiguration.class)
	static class StarterApplication {

	}

}
