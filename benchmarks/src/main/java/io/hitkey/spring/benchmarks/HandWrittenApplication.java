package io.hitkey.spring.benchmarks;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.jackson.SecurityJacksonModules;

/**
 * The "hand-written" contender: the same application without the starter, configured as
 * Spring's reference documentation teaches (see {@link HandWrittenSecurity}).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ HelloController.class, SignedInController.class, HandWrittenSecurity.class })
class HandWrittenApplication {

	@Bean
	SignedInController.SessionJson sessionJson() {
		return new SignedInController.SessionJson(JsonMapper.builder()
			.addModules(SecurityJacksonModules.getModules(getClass().getClassLoader()))
			.build());
	}

}
