package io.hitkey.spring.starter.sessions;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The WebFlux twin of {@link SessionStoreApplication}: the starter, its default filter
 * chain, and Spring Session's reactive Redis store as Spring Boot configures it, with the
 * same endpoints.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SessionStoreApplication.Endpoints.class)
class ReactiveSessionStoreApplication {

	/**
	 * Event loops of the instance's own: the tests run two instances in one JVM, and one
	 * that stops would dispose of Reactor Netty's global loops, the other's server with
	 * them.
	 */
	@Bean
	ReactorResourceFactory reactorResourceFactory() {
		ReactorResourceFactory resources = new ReactorResourceFactory();
		resources.setUseGlobalResources(false);
		return resources;
	}

}
