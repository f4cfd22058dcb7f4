package io.hitkey.spring.autoconfigure;

import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.ClassUtils;

/**
 * Lets anonymous requests reach Actuator's health endpoint in the starter's default
 * servlet chains, as Spring Boot's own default chain does: the endpoint, its groups
 * ({@code liveness}, {@code readiness}) and their additional paths
 * ({@code management.endpoint.health.probes.add-additional-paths}). Without it, every
 * Kubernetes probe and load balancer health check would get a {@code 401}. What the
 * answer shows is left to {@code management.endpoint.health.show-details} and
 * {@code show-components}.
 *
 * @author HitKey
 */
final class HealthEndpointAccess {

	private static final boolean ACTUATOR_PRESENT = ClassUtils.isPresent(
			"org.springframework.boot.health.actuate.endpoint.HealthEndpoint", HealthEndpointAccess.class.getClassLoader())
			&& ClassUtils.isPresent("org.springframework.boot.actuate.endpoint.web.WebServerNamespace",
					HealthEndpointAccess.class.getClassLoader())
			// EndpointRequest needs Actuator's auto-configuration too (ManagementPortType).
			&& ClassUtils.isPresent(
					"org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration",
					HealthEndpointAccess.class.getClassLoader());

	private HealthEndpointAccess() {
	}

	/**
	 * Permit the health endpoint's requests, when Actuator is on the class path.
	 */
	static void permit(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		if (ACTUATOR_PRESENT) {
			requests.requestMatchers(Matchers.health()).permitAll();
		}
	}

	/**
	 * Loaded only with Actuator on the class path.
	 */
	private static final class Matchers {

		static RequestMatcher[] health() {
			return new RequestMatcher[] { EndpointRequest.to(HealthEndpoint.class),
					EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HealthEndpoint.class) };
		}

	}

}
