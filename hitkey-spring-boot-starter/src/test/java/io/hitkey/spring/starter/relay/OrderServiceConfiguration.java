package io.hitkey.spring.starter.relay;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The README's registration of {@link OrderService}.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "orders", types = OrderService.class)
class OrderServiceConfiguration {

}
