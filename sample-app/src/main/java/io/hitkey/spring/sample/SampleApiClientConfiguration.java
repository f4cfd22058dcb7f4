package io.hitkey.spring.sample;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Registers {@link SampleApi} in the HTTP service group {@code sample-api}, whose base URL
 * is {@code spring.http.serviceclient.sample-api.base-url}.
 *
 * @author HitKey
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "sample-api", types = SampleApi.class)
class SampleApiClientConfiguration {

}
