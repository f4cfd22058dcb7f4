package io.hitkey.spring.autoconfigure;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.util.ClassUtils;

/**
 * Lets anonymous requests reach Actuator's health endpoint in the starter's default
 * reactive chains: the counterpart of {@link HealthEndpointAccess}.
 *
 * @author HitKey
 */
final class ReactiveHealthEndpointAccess {

	private static final boolean ACTUATOR_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.health.actuate.endpoint.HealthEndpoint",
			ReactiveHealthEndpointAccess.class.getClassLoader())
			&& ClassUtils.isPresent("org.springframework.boot.actuate.endpoint.web.WebServerNamespace",
					ReactiveHealthEndpointAccess.class.getClassLoader())
			// EndpointRequest needs Actuator's auto-configuration too (ManagementPortType).
			&& ClassUtils.isPresent(
					"org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration",
					ReactiveHealthEndpointAccess.class.getClassLoader());

	private ReactiveHealthEndpointAccess() {
	}

	/**
	 * Permit the health endpoint's exchanges, when Actuator is on the class path.
	 */
	static void permit(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
		if (ACTUATOR_PRESENT) {
			exchanges.matchers(Matchers.health()).permitAll();
		}
	}

	/**
	 * Loaded only with Actuator on the class path.
	 */
	private static final class Matchers {

		static ServerWebExchangeMatcher[] health() {
			return new ServerWebExchangeMatcher[] { EndpointRequest.to(HealthEndpoint.class),
					EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HealthEndpoint.class) };
		}

	}

}
