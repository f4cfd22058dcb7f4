package io.hitkey.spring.test;

import java.util.List;
import java.util.UUID;

import io.hitkey.spring.HitKeyClientRegistrations;
import jakarta.servlet.ServletContext;
import org.jspecify.annotations.Nullable;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * A MockMvc {@link RequestPostProcessor} that signs a HitKey user in, built with
 * {@link HitKeyMockMvcRequestPostProcessors#hitKeyLogin()}. Without configuration the
 * user is {@code Test User <user@example.com>}, granted the scopes the application asks
 * HitKey for ({@code hitkey.scopes}). The user's claims are filtered by the granted
 * scopes as HitKey filters them: without {@code email}, there is no email.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyLoginRequestPostProcessor implements RequestPostProcessor {

	private final MockHitKeyLogin login = new MockHitKeyLogin();

	HitKeyLoginRequestPostProcessor() {
	}

	/**
	 * Use the given {@code sub}.
	 * @param sub the user id
	 * @return this post-processor
	 */
	public HitKeyLoginRequestPostProcessor sub(UUID sub) {
		this.login.sub(sub.toString());
		return this;
	}

	/**
	 * Use the given full name.
	 * @param name the name
	 * @return this post-processor
	 */
	public HitKeyLoginRequestPostProcessor name(String name) {
		this.login.name(name);
		return this;
	}

	/**
	 * Use the given email address.
	 * @param email the email, or {@code null} for none
	 * @return this post-processor
	 */
	public HitKeyLoginRequestPostProcessor email(@Nullable String email) {
		this.login.email(email);
		return this;
	}

	/**
	 * Put the user in the HitKey project with the given role and permissions; grants the
	 * {@code project:read} scope too, unless {@link #scopes(String...)} sets the scopes.
	 * @param role the role: {@code owner}, {@code admin} or {@code member}
	 * @param permissions the permissions, such as {@code can_deploy}
	 * @return this post-processor
	 */
	public HitKeyLoginRequestPostProcessor projectRole(String role, String... permissions) {
		this.login.projectRole(role, List.of(permissions));
		return this;
	}

	/**
	 * Use the given granted scopes.
	 * @param scopes the scopes
	 * @return this post-processor
	 */
	public HitKeyLoginRequestPostProcessor scopes(String... scopes) {
		this.login.scopes(List.of(scopes));
		return this;
	}

	/**
	 * Add a userinfo claim, such as {@code native_script}.
	 * @param name the claim name
	 * @param value the claim value
	 * @return this post-processor
	 */
	public HitKeyLoginRequestPostProcessor claim(String name, @Nullable Object value) {
		this.login.claim(name, value);
		return this;
	}

	/**
	 * Sign in as the given fake user: same {@code sub}, names, email, role and
	 * permissions as a sign-in through {@link FakeHitKey}.
	 * @param user the user
	 * @return this post-processor
	 */
	public HitKeyLoginRequestPostProcessor user(FakeHitKeyUser user) {
		this.login.user(user);
		return this;
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		WebApplicationContext context = findContext(request.getServletContext());
		MockHttpServletRequest authenticated = SecurityMockMvcRequestPostProcessors
			.authentication(this.login.authentication(context))
			.postProcessRequest(request);
		return SecurityMockMvcRequestPostProcessors.oauth2Client(HitKeyClientRegistrations.REGISTRATION_ID)
			.clientRegistration(registration(context))
			.principalName(this.login.principalName())
			.accessToken(this.login.accessToken(context))
			.postProcessRequest(authenticated);
	}

	private static @Nullable WebApplicationContext findContext(ServletContext servletContext) {
		return (servletContext != null) ? WebApplicationContextUtils.findWebApplicationContext(servletContext) : null;
	}

	private static ClientRegistration registration(@Nullable WebApplicationContext context) {
		ClientRegistrationRepository repository = (context != null)
				? context.getBeanProvider(ClientRegistrationRepository.class).getIfAvailable() : null;
		ClientRegistration registration = (repository != null)
				? repository.findByRegistrationId(HitKeyClientRegistrations.REGISTRATION_ID) : null;
		if (registration != null) {
			return registration;
		}
		return ClientRegistration.withRegistrationId(HitKeyClientRegistrations.REGISTRATION_ID)
			.clientId("mock-hitkey-client")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("https://hitkey.io/")
			.tokenUri("https://api.hitkey.io/oauth/token")
			.build();
	}

}
