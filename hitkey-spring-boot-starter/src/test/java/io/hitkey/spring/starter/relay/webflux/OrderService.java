package io.hitkey.spring.starter.relay.webflux;

import java.util.List;

import io.hitkey.spring.starter.relay.Order;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.annotation.ClientRegistrationId;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The README's HTTP service interface, as a WebFlux application declares it.
 */
@HttpExchange("/orders")
@ClientRegistrationId("hitkey")
public interface OrderService {

	@GetExchange
	Mono<List<Order>> myOrders();

}
