package io.hitkey.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link FakeHitKey} for a {@code @SpringBootTest} and points the starter at it
 * ({@code hitkey.auth-url}, {@code hitkey.api-url}, {@code hitkey.client-id},
 * {@code hitkey.client-secret}). The fake is a bean: inject it to configure it and to
 * assert on the calls it received. Before each test method it is {@link FakeHitKey#reset()
 * reset}.
 * <pre class="code">
 * &#064;SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
 * &#064;AutoConfigureFakeHitKey
 * class SignInTests {
 *
 *     &#064;Autowired
 *     FakeHitKey hitKey;
 *
 * }
 * </pre>
 *
 * @author HitKey
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFakeHitKey {

	/**
	 * Whether the fake signs its first user in without showing its sign-in page, so that
	 * an HTTP client that follows redirects is signed in straight away. Choose another
	 * user with {@link FakeHitKey#autoApprove(FakeHitKeyUser)}.
	 * @return whether sign-in is approved automatically
	 */
	boolean autoApprove() default true;

}
