package io.hitkey.spring.starter.relay.webflux;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.HttpServiceGroup.ClientType;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The README's registration of {@link OrderService} in a WebFlux application.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "orders", types = OrderService.class, clientType = ClientType.WEB_CLIENT)
class OrderServiceConfiguration {

}
