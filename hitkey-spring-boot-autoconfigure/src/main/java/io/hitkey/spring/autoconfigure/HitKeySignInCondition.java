package io.hitkey.spring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Whether the application signs users in with HitKey: when {@code hitkey.client-id} or
 * {@code hitkey.client-secret} is set (and not blank), or when it could do nothing else, without Spring
 * Security's resource server. An application with the resource server and neither
 * property is an API that only accepts HitKey access tokens; an application without it
 * must sign in, so a missing client id fails its startup with a message that names the
 * property.
 *
 * @author HitKey
 */
class HitKeySignInCondition extends SpringBootCondition {

	static final String RESOURCE_SERVER = "org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector";

	private static final String[] CREDENTIALS = { "hitkey.client-id", "hitkey.client-secret" };

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("HitKey sign-in");
		String credential = credential(context.getEnvironment());
		if (credential != null) {
			return ConditionOutcome.match(message.found("property").items(credential));
		}
		if (!ClassUtils.isPresent(RESOURCE_SERVER, context.getClassLoader())) {
			return ConditionOutcome.match(message.didNotFind("resource server class").items(RESOURCE_SERVER));
		}
		return ConditionOutcome.noMatch(message.didNotFind("property").items(CREDENTIALS));
	}

	/**
	 * Return the first HitKey client credential that the given environment sets (and not
	 * blank), or {@code null}: with one, the application signs in whatever is on its
	 * class path.
	 */
	static @Nullable String credential(Environment environment) {
		Binder binder = Binder.get(environment);
		for (String property : CREDENTIALS) {
			if (StringUtils.hasText(binder.bind(property, String.class).orElse(null))) {
				return property;
			}
		}
		return null;
	}

	/**
	 * The application only accepts HitKey access tokens: it has Spring Security's resource
	 * server, and no HitKey client id or secret.
	 */
	static class ApiOnly extends NoneNestedConditions {

		ApiOnly() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@Conditional(HitKeySignInCondition.class)
		static class SignIn {

		}

	}

}
