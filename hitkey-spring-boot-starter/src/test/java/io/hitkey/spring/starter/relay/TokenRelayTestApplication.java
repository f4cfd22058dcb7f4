package io.hitkey.spring.starter.relay;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with the starter and its default filter chain that calls the orders
 * service as the signed-in user, configured as the README says.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(OrderServiceConfiguration.class)
class TokenRelayTestApplication {

	@RestController
	static class Endpoints {

		private final OrderService orders;

		private final OAuth2AuthorizedClientRepository authorizedClients;

		Endpoints(OrderService orders, OAuth2AuthorizedClientRepository authorizedClients) {
			this.orders = orders;
			this.authorizedClients = authorizedClients;
		}

		@GetMapping("/my-orders")
		List<Order> myOrders() {
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
		Map<String, String> storedToken(Authentication user, HttpServletRequest request) {
			OAuth2AuthorizedClient client = this.authorizedClients.loadAuthorizedClient("hitkey", user, request);
			return Map.of("token", client.getAccessToken().getTokenValue());
		}

	}

}
