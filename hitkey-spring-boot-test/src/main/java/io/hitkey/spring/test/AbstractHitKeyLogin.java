package io.hitkey.spring.test;

import java.util.List;
import java.util.UUID;

import io.hitkey.spring.HitKeyClientRegistrations;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The user a mock HitKey sign-in signs in, shared by
 * {@link HitKeyLoginRequestPostProcessor} (MockMvc) and {@link HitKeyLoginMutator}
 * ({@code WebTestClient}). Without configuration the user is
 * {@code Test User <user@example.com>}, granted the scopes the application asks HitKey
 * for ({@code hitkey.scopes}). The user's claims are filtered by the granted scopes as
 * HitKey filters them: without {@code email}, there is no email.
 *
 * @param <S> the concrete type, returned by each setter
 * @author HitKey
 * @since 0.1.0
 */
public abstract class AbstractHitKeyLogin<S extends AbstractHitKeyLogin<S>> {

	private final MockHitKeyLogin login = new MockHitKeyLogin();

	AbstractHitKeyLogin() {
	}

	/**
	 * Use the given {@code sub}.
	 * @param sub the user id
	 * @return this mock sign-in
	 */
	public S sub(UUID sub) {
		this.login.sub(sub.toString());
		return self();
	}

	/**
	 * Use the given full name.
	 * @param name the name
	 * @return this mock sign-in
	 */
	public S name(String name) {
		this.login.name(name);
		return self();
	}

	/**
	 * Use the given email address.
	 * @param email the email, or {@code null} for none
	 * @return this mock sign-in
	 */
	public S email(@Nullable String email) {
		this.login.email(email);
		return self();
	}

	/**
	 * Put the user in the HitKey project with the given role and permissions; grants the
	 * {@code project:read} scope too, unless {@link #scopes(String...)} sets the scopes.
	 * @param role the role: {@code owner}, {@code admin} or {@code member}
	 * @param permissions the permissions, such as {@code can_deploy}
	 * @return this mock sign-in
	 */
	public S projectRole(String role, String... permissions) {
		this.login.projectRole(role, List.of(permissions));
		return self();
	}

	/**
	 * Use the given granted scopes.
	 * @param scopes the scopes
	 * @return this mock sign-in
	 */
	public S scopes(String... scopes) {
		this.login.scopes(List.of(scopes));
		return self();
	}

	/**
	 * Add a userinfo claim, such as {@code native_script}.
	 * @param name the claim name
	 * @param value the claim value
	 * @return this mock sign-in
	 */
	public S claim(String name, @Nullable Object value) {
		this.login.claim(name, value);
		return self();
	}

	/**
	 * Sign in as the given fake user: same {@code sub}, names, email, role and
	 * permissions as a sign-in through {@link FakeHitKey}.
	 * @param user the user
	 * @return this mock sign-in
	 */
	public S user(FakeHitKeyUser user) {
		this.login.user(user);
		return self();
	}

	MockHitKeyLogin login() {
		return this.login;
	}

	@SuppressWarnings("unchecked")
	private S self() {
		return (S) this;
	}

	/**
	 * The "hitkey" registration to use when the test has no application context with
	 * one.
	 */
	static ClientRegistration fallbackRegistration() {
		return ClientRegistration.withRegistrationId(HitKeyClientRegistrations.REGISTRATION_ID)
			.clientId("mock-hitkey-client")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.authorizationUri("https://hitkey.io/")
			.tokenUri("https://api.hitkey.io/oauth/token")
			.build();
	}

}
