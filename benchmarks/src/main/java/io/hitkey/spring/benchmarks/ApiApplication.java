package io.hitkey.spring.benchmarks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The "API only" contender: the starter with the resource server and no client id (see
 * {@link Contender#API_ONLY}), serving the same page as the others to Bearer requests,
 * and who a request is authenticated as.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ HelloController.class, TokenOwnerController.class })
class ApiApplication {

}
