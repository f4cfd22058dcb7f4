package io.hitkey.spring.benchmarks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The "no security" contender: the same page with every security auto-configuration
 * excluded (see {@link Contender#NO_SECURITY}).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(HelloController.class)
class NoSecurityApplication {

}
