package io.hitkey.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

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
