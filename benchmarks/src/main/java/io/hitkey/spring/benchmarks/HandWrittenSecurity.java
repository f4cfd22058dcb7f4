package io.hitkey.spring.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.endpoint.AbstractOAuth2AuthorizationGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;

/**
 * What a team writes by hand today to sign in with HitKey, following Spring Security's
 * reference documentation: the registration comes from Boot's
 * {@code spring.security.oauth2.client.*} properties (without {@code openid}, so that
 * Spring does not expect an id_token), and this class adds the minimum HitKey needs:
 * {@code openid} in the authorize URL, and JSON token requests for the code and refresh
 * grants. The user service and every HTTP client are Spring's defaults.
 */
@Configuration(proxyBeanMethods = false)
class HandWrittenSecurity {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ClientRegistrationRepository registrations) {
		DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
				registrations, "/oauth2/authorization");
		String scope = "openid " + StringUtils.collectionToDelimitedString(
				registrations.findByRegistrationId("hitkey").getScopes(), " ");
		// Spring builds the authorize URL from encoded parts.
		String encodedScope = UriUtils.encodeQueryParam(scope, StandardCharsets.UTF_8);
		resolver.setAuthorizationRequestCustomizer((request) -> request
			.authorizationRequestUri((uri) -> uri.replaceQueryParam("scope", encodedScope).build()));
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.oauth2Login((login) -> login.authorizationEndpoint((endpoint) -> endpoint.authorizationRequestResolver(resolver)))
			.oauth2Client(Customizer.withDefaults());
		return http.build();
	}

	@Bean
	OAuth2AccessTokenResponseClient<OAuth2AuthorizationCodeGrantRequest> authorizationCodeTokenResponseClient() {
		RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
		client.setRestClient(jsonTokenRequests());
		client.setHeadersConverter(jsonHeaders());
		return client;
	}

	@Bean
	OAuth2AccessTokenResponseClient<OAuth2RefreshTokenGrantRequest> refreshTokenTokenResponseClient() {
		RestClientRefreshTokenTokenResponseClient client = new RestClientRefreshTokenTokenResponseClient();
		client.setRestClient(jsonTokenRequests());
		client.setHeadersConverter(jsonHeaders());
		return client;
	}

	private static RestClient jsonTokenRequests() {
		return RestClient.builder()
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FlatJsonConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
			.build();
	}

	private static <T extends AbstractOAuth2AuthorizationGrantRequest> Converter<T, HttpHeaders> jsonHeaders() {
		return (grantRequest) -> {
			HttpHeaders headers = new HttpHeaders();
			headers.setAccept(List.of(MediaType.APPLICATION_JSON));
			headers.setContentType(MediaType.APPLICATION_JSON);
			return headers;
		};
	}

	/**
	 * Writes the token request parameters as a flat JSON object.
	 */
	static final class FlatJsonConverter extends AbstractHttpMessageConverter<MultiValueMap<String, String>> {

		FlatJsonConverter() {
			super(MediaType.APPLICATION_JSON);
		}

		@Override
		protected boolean supports(Class<?> type) {
			return MultiValueMap.class.isAssignableFrom(type);
		}

		@Override
		protected boolean canRead(MediaType mediaType) {
			return false;
		}

		@Override
		protected MultiValueMap<String, String> readInternal(Class<? extends MultiValueMap<String, String>> type,
				HttpInputMessage input) {
			throw new HttpMessageNotReadableException("Write only", input);
		}

		@Override
		protected void writeInternal(MultiValueMap<String, String> parameters, HttpOutputMessage output)
				throws IOException {
			JsonMapper.shared().writeValue(output.getBody(), parameters.toSingleValueMap());
		}

	}

}
