package io.hitkey.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithSecurityContext;

/**
 * Runs a test as a signed-in HitKey user: the security context holds the
 * {@code HitKeyUser} principal and the authorities a real sign-in would give, built by
 * the application's {@code HitKeyAuthoritiesMapper}. It sets up no authorized client:
 * for handlers that take {@code @RegisteredOAuth2AuthorizedClient("hitkey")}, use the
 * MockMvc post-processor {@link HitKeyMockMvcRequestPostProcessors#hitKeyLogin()}.
 * <pre class="code">
 * &#064;Test
 * &#064;WithMockHitKeyUser(projectRole = "admin", permissions = "can_deploy")
 * void adminsCanDeploy() { ... }
 * </pre>
 *
 * @author HitKey
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@WithSecurityContext(factory = WithMockHitKeyUserSecurityContextFactory.class)
public @interface WithMockHitKeyUser {

	/**
	 * The user's {@code sub}, a UUID.
	 * @return the sub
	 */
	String sub() default MockHitKeyLogin.DEFAULT_SUB;

	/**
	 * The user's full name.
	 * @return the name
	 */
	String name() default MockHitKeyLogin.DEFAULT_NAME;

	/**
	 * The user's email address.
	 * @return the email
	 */
	String email() default MockHitKeyLogin.DEFAULT_EMAIL;

	/**
	 * The user's project role; empty for a user without a project.
	 * @return the role
	 */
	String projectRole() default "";

	/**
	 * The user's project permissions.
	 * @return the permissions
	 */
	String[] permissions() default {};

	/**
	 * The granted scopes; empty for the scopes the application asks HitKey for, plus
	 * {@code project:read} with a project role. Claims are filtered by them.
	 * @return the scopes
	 */
	String[] scopes() default {};

	/**
	 * Whether the user is authenticated as a request with a HitKey access token is: a
	 * {@code BearerTokenAuthentication}, as the starter's Bearer token check gives, instead
	 * of a sign-in. Needs Spring Security's resource server on the class path.
	 * @return {@code true} for a Bearer token
	 */
	boolean bearerToken() default false;

	/**
	 * When to set up the security context.
	 * @return the event
	 */
	@AliasFor(annotation = WithSecurityContext.class)
	TestExecutionEvent setupBefore() default TestExecutionEvent.TEST_METHOD;

}
