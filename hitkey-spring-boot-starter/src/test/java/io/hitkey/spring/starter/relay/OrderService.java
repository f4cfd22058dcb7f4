package io.hitkey.spring.starter.relay;

import java.util.List;

import org.springframework.security.oauth2.client.annotation.ClientRegistrationId;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The README's HTTP service interface: another service, called as the signed-in user.
 */
@HttpExchange("/orders")
@ClientRegistrationId("hitkey")
public interface OrderService {

	@GetExchange
	List<Order> myOrders();

}
