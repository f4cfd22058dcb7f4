package io.hitkey.spring.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Checks the HitKey properties once the application is prepared, before its context is
 * refreshed, with the same rules as the auto-configurations that use them: a missing or
 * invalid property then stops startup with {@link InvalidHitKeyPropertyFailureAnalyzer}'s
 * report alone, not after Spring's warning that the refresh was cancelled and a chain of
 * bean creation exceptions.
 * <p>
 * Only what is certain before the refresh is checked: the sign-in properties when the
 * application sets a client id or secret (without them, it may manage its own client
 * registrations, or be an API that only accepts HitKey access tokens), the resource
 * server's when Spring Security's resource server is there; in a web application, with
 * auto-configuration and {@code hitkey.enabled} on. Everything else is still checked
 * where the beans are made.
 * <p>
 * An application built ahead of time (Spring AOT) keeps the conditions of its build: one
 * built as an API without sign-in, because no client id was set then, stops when it is
 * started with one, instead of answering browsers with {@code 401}.
 *
 * @author HitKey
 */
class HitKeyStartupCheck implements ApplicationListener<ApplicationPreparedEvent> {

	// The class conditions of the auto-configurations that check the properties.
	private static final String[] STARTER = {
			"org.springframework.security.oauth2.client.registration.ClientRegistration" };

	private static final String[] REACTIVE_SIGN_IN = { "reactor.core.publisher.Flux",
			"org.springframework.web.reactive.function.client.WebClient",
			"org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository" };

	private static final String[] SERVLET_RESOURCE_SERVER = { HitKeySignInCondition.RESOURCE_SERVER,
			"org.springframework.security.config.annotation.web.configuration.EnableWebSecurity" };

	private static final String[] REACTIVE_RESOURCE_SERVER = { "reactor.core.publisher.Flux",
			"org.springframework.web.reactive.function.client.WebClient",
			"org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector",
			"org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity" };

	// The configurations that HitKeySignInCondition.ApiOnly turns on, by the names of
	// their bean definitions' classes.
	private static final String[] API_ONLY = {
			"io.hitkey.spring.autoconfigure.HitKeyResourceServerAutoConfiguration$ApiOnlyConfiguration",
			"io.hitkey.spring.autoconfigure.HitKeyReactiveResourceServerAutoConfiguration$ApiOnlyConfiguration" };

	@Override
	public void onApplicationEvent(ApplicationPreparedEvent event) {
		ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
		WebApplicationType stack = event.getSpringApplication().getWebApplicationType();
		ClassLoader classLoader = event.getSpringApplication().getClassLoader();
		// Ahead-of-time processing builds the context without running it, where secrets
		// are rarely given.
		if (stack == WebApplicationType.NONE || Boolean.getBoolean("spring.aot.processing")
				|| !isOn(environment, EnableAutoConfiguration.ENABLED_OVERRIDE_PROPERTY)
				|| !isOn(environment, "hitkey.enabled") || !allPresent(classLoader, STARTER)) {
			return;
		}
		if (AotDetector.useGeneratedArtifacts()) {
			checkBuiltAheadOfTime(event.getApplicationContext().getBeanFactory(), environment);
		}
		boolean servlet = stack == WebApplicationType.SERVLET;
		boolean signIn = HitKeySignInCondition.credential(environment) != null
				&& (servlet || allPresent(classLoader, REACTIVE_SIGN_IN));
		boolean resourceServer = allPresent(classLoader, servlet ? SERVLET_RESOURCE_SERVER : REACTIVE_RESOURCE_SERVER);
		if (!signIn && !resourceServer) {
			return;
		}
		HitKeyProperties properties = Binder.get(environment)
			.bind("hitkey", HitKeyProperties.class)
			.orElseGet(HitKeyProperties::new);
		HitKeyPropertiesMapper mapper = new HitKeyPropertiesMapper(properties);
		if (signIn) {
			mapper.asClientRegistration();
		}
		if (resourceServer) {
			mapper.userInfoUri();
			ValidatedTokens.check(properties);
		}
	}

	// With generated artifacts, the bean definitions that the build's conditions chose are
	// registered before this event.
	private static void checkBuiltAheadOfTime(ConfigurableListableBeanFactory beanFactory,
			ConfigurableEnvironment environment) {
		String credential = HitKeySignInCondition.credential(environment);
		if (credential == null || !containsApiOnly(beanFactory)) {
			return;
		}
		String problem = "is set now, but this application was built ahead of time (Spring AOT) as an API that "
				+ "accepts HitKey access tokens, without sign-in, because hitkey.client-id was not set when it was "
				+ "built";
		String action = "Set HITKEY_CLIENT_ID (any non-blank value) in the environment of the build (process-aot) "
				+ "to build it with sign-in, or remove hitkey.client-id and hitkey.client-secret to run it as an API "
				+ "only.";
		throw new InvalidHitKeyPropertyException(credential,
				credential.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), problem, action);
	}

	private static boolean containsApiOnly(ConfigurableListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanDefinitionNames()) {
			String className = beanFactory.getBeanDefinition(name).getBeanClassName();
			for (String apiOnly : API_ONLY) {
				if (apiOnly.equals(className)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isOn(ConfigurableEnvironment environment, String property) {
		return environment.getProperty(property, Boolean.class, true);
	}

	private static boolean allPresent(@Nullable ClassLoader classLoader, String[] classNames) {
		for (String className : classNames) {
			if (!ClassUtils.isPresent(className, classLoader)) {
				return false;
			}
		}
		return true;
	}

}
