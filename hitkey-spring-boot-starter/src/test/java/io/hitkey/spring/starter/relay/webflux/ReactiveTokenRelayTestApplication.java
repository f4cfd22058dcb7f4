package io.hitkey.spring.starter.relay.webflux;

import java.util.List;
import java.util.Map;

import io.hitkey.spring.starter.relay.Order;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * A WebFlux application with the starter and its default filter chain that calls the
 * orders service as the signed-in user, configured as the README says.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(OrderServiceConfiguration.class)
class ReactiveTokenRelayTestApplication {

	@RestController
	static class Endpoints {

		private final OrderService orders;

		private final ServerOAuth2AuthorizedClientRepository authorizedClients;

		Endpoints(OrderService orders, ServerOAuth2AuthorizedClientRepository authorizedClients) {
			this.orders = orders;
			this.authorizedClients = authorizedClients;
		}

		@GetMapping("/my-orders")
		Mono<List<Order>> myOrders() {
			return this.orders.myOrders();
		}

		@GetMapping("/me")
		Map<String, String> me(Authentication user) {
			return Map.of("sub", user.getName());
		}

		/**
		 * The access token the session holds, as it is: not refreshed.
		 */
		@GetMapping("/stored-token")
		Mono<Map<String, String>> storedToken(Authentication user, ServerWebExchange exchange) {
			return this.authorizedClients.<OAuth2AuthorizedClient>loadAuthorizedClient("hitkey", user, exchange)
				.map((client) -> Map.of("token", client.getAccessToken().getTokenValue()));
		}

	}

}
