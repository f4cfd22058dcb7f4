package io.hitkey.spring.autoconfigure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.hitkey.spring.HitKeyJacksonModule;
import io.hitkey.spring.HitKeyProject;
import io.hitkey.spring.HitKeyUser;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web application with only the starter, and a controller that shows what a signed-in
 * user looks like to the application.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SignInTestApplication {

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		DefaultAuthenticationEventPublisher eventPublisher = new DefaultAuthenticationEventPublisher(publisher);
		eventPublisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
		return eventPublisher;
	}

	@Bean
	SignInFailures signInFailures() {
		return new SignInFailures();
	}

	/**
	 * The exceptions that failed sign-ins ended with.
	 */
	static class SignInFailures implements ApplicationListener<AbstractAuthenticationFailureEvent> {

		private final List<AuthenticationException> exceptions = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(AbstractAuthenticationFailureEvent event) {
			this.exceptions.add(event.getException());
		}

		AuthenticationException last() {
			assertThat(this.exceptions).isNotEmpty();
			return this.exceptions.get(this.exceptions.size() - 1);
		}

	}

	@RestController
	static class ProfileController {

		@GetMapping("/me")
		Map<String, Object> me(@AuthenticationPrincipal HitKeyUser user) {
			Map<String, Object> me = new LinkedHashMap<>();
			me.put("name", user.getName());
			me.put("id", user.id().toString());
			me.put("email", user.email());
			me.put("displayName", user.displayName());
			me.put("preferredOrder", String.valueOf(user.preferredOrder()));
			me.put("nativeScript", String.valueOf(user.nativeScript()));
			me.put("projectRole", user.project().map(HitKeyProject::role).orElse("none"));
			me.put("authorities", user.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
			return me;
		}

		@GetMapping({ "/admin", "/deploy", "/operate" })
		String guarded(HttpServletRequest request) {
			return request.getRequestURI();
		}

		@GetMapping("/session-round-trip")
		Map<String, Object> sessionRoundTrip(Authentication authentication) throws Exception {
			JsonMapper mapper = JsonMapper.builder()
				.addModules(HitKeyJacksonModule.securityModules(getClass().getClassLoader()))
				.build();
			SecurityContext context = new SecurityContextImpl(authentication);
			SecurityContext fromJson = mapper.readValue(mapper.writeValueAsString(context), SecurityContext.class);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
				out.writeObject(context);
			}
			SecurityContext fromJdk;
			try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
				fromJdk = (SecurityContext) in.readObject();
			}
			Map<String, Object> result = new LinkedHashMap<>();
			result.put("json", sameSignIn(authentication, fromJson.getAuthentication()));
			result.put("jdk", sameSignIn(authentication, fromJdk.getAuthentication()));
			result.put("authorities", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
			return result;
		}

		private static boolean sameSignIn(Authentication original, Authentication copy) {
			HitKeyUser user = (HitKeyUser) original.getPrincipal();
			return copy.getPrincipal() instanceof HitKeyUser copied && copied.equals(user)
					&& copied.getAttributes().equals(user.getAttributes())
					&& Set.copyOf(copied.getAuthorities()).equals(Set.copyOf(user.getAuthorities()))
					&& Set.copyOf(copy.getAuthorities()).equals(Set.copyOf(original.getAuthorities()));
		}

		@GetMapping("/token")
		String token(@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client) {
			return client.getAccessToken().getTokenValue();
		}

		@GetMapping("/token-lifetime")
		long tokenLifetime(@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client) {
			OAuth2AccessToken token = client.getAccessToken();
			return Duration.between(token.getIssuedAt(), token.getExpiresAt()).toSeconds();
		}

	}

}
