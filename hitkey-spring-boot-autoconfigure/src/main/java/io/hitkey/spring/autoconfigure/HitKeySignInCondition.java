package io.hitkey.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
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

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("HitKey sign-in");
		Binder binder = Binder.get(context.getEnvironment());
		for (String property : new String[] { "hitkey.client-id", "hitkey.client-secret" }) {
			if (StringUtils.hasText(binder.bind(property, String.class).orElse(null))) {
				return ConditionOutcome.match(message.found("property").items(property));
			}
		}
		if (!ClassUtils.isPresent(RESOURCE_SERVER, context.getClassLoader())) {
			return ConditionOutcome.match(message.didNotFind("resource server class").items(RESOURCE_SERVER));
		}
		return ConditionOutcome.noMatch(message.didNotFind("property").items("hitkey.client-id", "hitkey.client-secret"));
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
