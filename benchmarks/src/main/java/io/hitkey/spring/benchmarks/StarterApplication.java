package io.hitkey.spring.benchmarks;

import io.hitkey.spring.HitKeyJacksonModule;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The "starter" contender: the starter and its two properties, nothing else.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ HelloController.class, SignedInController.class })
class StarterApplication {

	@Bean
	SignedInController.SessionJson sessionJson() {
		return new SignedInController.SessionJson(JsonMapper.builder()
			.addModules(HitKeyJacksonModule.securityModules(getClass().getClassLoader()))
			.build());
	}

}
