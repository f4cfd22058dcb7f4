package io.hitkey.spring.autoconfigure;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateBuilderConfigurer;
import org.springframework.boot.restclient.autoconfigure.RestTemplateObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.ClientRequestObservationConvention;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.user.OAuth2User;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the HTTP client of HitKey's calls, {@link HitKeyApiClients}: it takes the
 * application's transport but not what the application adds to its own requests, and
 * leaves the application's clients as they were.
 */
class HitKeyApiClientsTests {

	@RegisterExtension
	static WireMockExtension hitKey = HitKeyStubs.hitKey();

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
				HitKeyOAuth2ClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestTemplateAutoConfiguration.class))
		.withPropertyValues("hitkey.client-id=" + HitKeyStubs.CLIENT_ID,
				"hitkey.client-secret=" + HitKeyStubs.CLIENT_SECRET, "hitkey.api-url=" + hitKey.baseUrl());

	@Test
	void hitKeysCallsCarryNoneOfTheApplicationsInterceptorsDefaultHeadersOrBasicAuthentication() {
		stubHitKeyAndTheApplicationsService();
		this.contextRunner.withUserConfiguration(ApplicationHttpClient.class).run((context) -> {
			signIn(context);

			hitKey.verify(1, postRequestedFor(urlEqualTo("/oauth/token")).withHeader("Authorization", absent())
				.withHeader("X-App-Interceptor", absent())
				.withHeader("X-App-Customizer", absent())
				.withHeader("X-App-Request", absent())
				.withHeader("X-App-Default", absent()));
			hitKey.verify(1, getRequestedFor(urlEqualTo("/oauth/userinfo"))
				.withHeader("Authorization", equalTo("Bearer at-1"))
				.withHeader("X-App-Interceptor", absent())
				.withHeader("X-App-Customizer", absent())
				.withHeader("X-App-Request", absent())
				.withHeader("X-App-Default", absent()));
		});
	}

	@Test
	void theApplicationsClientsKeepWhatTheApplicationGaveThem() {
		stubHitKeyAndTheApplicationsService();
		this.contextRunner.withUserConfiguration(ApplicationHttpClient.class).run((context) -> {
			signIn(context);

			String answer = context.getBean(RestTemplateBuilder.class)
				.build()
				.getForObject(hitKey.baseUrl() + "/application-service", String.class);

			assertThat(answer).isEqualTo("served");
			hitKey.verify(1, getRequestedFor(urlEqualTo("/application-service"))
				.withHeader("Authorization", equalTo("Basic YXBwLXVzZXI6YXBwLXBhc3N3b3Jk"))
				.withHeader("X-App-Interceptor", equalTo("yes"))
				.withHeader("X-App-Customizer", equalTo("yes"))
				.withHeader("X-App-Request", equalTo("yes"))
				.withHeader("X-App-Default", equalTo("yes")));
		});
	}

	@Test
	void hitKeysCallsAreObservedLikeTheApplicationsOwn() {
		stubHitKeyAndTheApplicationsService();
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					RestTemplateObservationAutoConfiguration.class))
			.withUserConfiguration(ApplicationHttpClient.class, RecordedObservations.class)
			.run((context) -> {
				signIn(context);

				assertThat(context.getBean(RecordedObservations.class).uris).containsExactly(
						"http.client.requests POST " + hitKey.baseUrl() + "/oauth/token uri=/oauth/token",
						"http.client.requests GET " + hitKey.baseUrl() + "/oauth/userinfo uri=/oauth/userinfo");
			});
	}

	@Test
	void hitKeysCallsTakeTheApplicationsOwnObservationConventionAndTheApplicationsClientsKeepIt() {
		stubHitKeyAndTheApplicationsService();
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					RestTemplateObservationAutoConfiguration.class))
			.withUserConfiguration(RecordedObservations.class)
			.withBean(ClientRequestObservationConvention.class,
					() -> new DefaultClientRequestObservationConvention("app.http.calls"))
			.run((context) -> {
				signIn(context);
				context.getBean(RestTemplateBuilder.class)
					.build()
					.getForObject(URI.create(hitKey.baseUrl() + "/application-service"), String.class);

				assertThat(context.getBean(RecordedObservations.class).uris).containsExactly(
						"app.http.calls POST " + hitKey.baseUrl() + "/oauth/token uri=/oauth/token",
						"app.http.calls GET " + hitKey.baseUrl() + "/oauth/userinfo uri=/oauth/userinfo",
						"app.http.calls GET " + hitKey.baseUrl() + "/application-service uri=none");
			});
	}

	@Test
	void withoutBootsRestTemplateBuilderHitKeysCallsTakeTheApplicationsHttpClientSettings() {
		stubHitKeyAndTheApplicationsService();
		List<Thread> pooled = new ArrayList<>();
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HitKeyAutoConfiguration.class,
					HitKeyOAuth2ClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class))
			.withPropertyValues("hitkey.client-id=" + HitKeyStubs.CLIENT_ID,
					"hitkey.client-secret=" + HitKeyStubs.CLIENT_SECRET, "hitkey.api-url=" + hitKey.baseUrl(),
					"spring.http.clients.imperative.factory=jdk")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(RestTemplateBuilder.class);
				signIn(context);
				Thread.getAllStackTraces()
					.keySet()
					.stream()
					.filter((thread) -> thread.getName().startsWith("hitkey-http-"))
					.forEach(pooled::add);
			});
		// Only the JDK's client, which the application chose, runs on HitKey's own pool.
		assertThat(pooled).isNotEmpty();
	}

	private static void stubHitKeyAndTheApplicationsService() {
		hitKey.stubFor(post(urlEqualTo("/oauth/token"))
			.willReturn(okJson(HitKeyStubs.tokenResponse("at-1", "rt-1", 3600))));
		hitKey.stubFor(get(urlEqualTo("/oauth/userinfo")).willReturn(okJson(HitKeyStubs.USERINFO)));
		hitKey.stubFor(get(urlEqualTo("/application-service")).willReturn(ok("served")));
	}

	/**
	 * Make the token and userinfo calls of a sign-in.
	 */
	private static void signIn(AssertableWebApplicationContext context) {
		var registration = HitKeyTokenResponseClientTests.hitKeyRegistration(context);
		HitKeyTokenResponseClientTests.authorizationCodeClient(context)
			.getTokenResponse(HitKeyTokenResponseClientTests.codeGrant(registration));
		OAuth2UserService<OAuth2UserRequest, OAuth2User> users = context
			.<OAuth2UserService<OAuth2UserRequest, OAuth2User>>getBeanProvider(ResolvableType
				.forClassWithGenerics(OAuth2UserService.class, OAuth2UserRequest.class, OAuth2User.class))
			.getObject();
		Instant now = Instant.now();
		users.loadUser(new OAuth2UserRequest(registration,
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "at-1", now, now.plusSeconds(3600))));
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationHttpClient {

		@Bean
		RestTemplateBuilder restTemplateBuilder(RestTemplateBuilderConfigurer configurer) {
			return configurer.configure(new RestTemplateBuilder())
				.additionalInterceptors((request, body, execution) -> {
					request.getHeaders().add("X-App-Interceptor", "yes");
					return execution.execute(request, body);
				})
				.defaultHeader("X-App-Default", "yes")
				.additionalRequestCustomizers((request) -> request.getHeaders().add("X-App-Request", "yes"))
				.basicAuthentication("app-user", "app-password");
		}

		@Bean
		RestTemplateCustomizer applicationCustomizer() {
			return (restTemplate) -> restTemplate.getInterceptors().add((request, body, execution) -> {
				request.getHeaders().add("X-App-Customizer", "yes");
				return execution.execute(request, body);
			});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordedObservations {

		final List<String> uris = new CopyOnWriteArrayList<>();

		@Bean
		ObservationHandler<Observation.Context> recordingHandler() {
			return new ObservationHandler<>() {

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}

				@Override
				public void onStop(Observation.Context context) {
					if (context instanceof ClientRequestObservationContext request
							&& request.getCarrier() != null) {
						RecordedObservations.this.uris.add(context.getName() + " " + request.getCarrier().getMethod()
								+ " " + request.getCarrier().getURI() + " uri="
								+ context.getLowCardinalityKeyValue("uri").getValue());
					}
				}

			};
		}

	}

}
