package io.hitkey.spring.test;

/**
 * Runs an application against a {@link FakeHitKey} during development, with Spring Boot's
 * convention for development-time services: a main class in the application's tests
 * that adds this class to the application, run by {@code ./mvnw spring-boot:test-run}
 * or from the IDE.
 * <pre class="code">
 * public class TestMyApplication {
 *
 *     public static void main(String[] args) {
 *         SpringApplication.from(MyApplication::main).with(FakeHitKeyConfiguration.class).run(args);
 *     }
 *
 * }
 * </pre>
 * <p>
 * Before the application's configuration is read, a fake HitKey starts on
 * {@code 127.0.0.1} with its sign-in page (pick a test user, or sign in as someone else),
 * and {@code hitkey.auth-url}, {@code hitkey.api-url}, {@code hitkey.client-id} and
 * {@code hitkey.client-secret} point at it, over the application's own values (its
 * {@code application.yml}, {@code HITKEY_*} environment variables, command-line
 * arguments): the fake was asked for. The fake listens on any free port, or on
 * {@code hitkey.fake.port} when set, to keep its address the same from one run to the
 * next. Once the application's web server runs, the fake expects the redirect URI that
 * the application's HitKey client would have registered, {@code hitkey.redirect-uri} at
 * {@code http://localhost:<server port>}, as HitKey does. One {@code INFO} line at
 * startup says where the fake runs. The fake is a {@link FakeHitKey} bean, and it stops
 * when the application stops. Servlet and WebFlux applications alike.
 * <p>
 * For development only: the fake signs anyone in as whoever they pick. This class takes
 * effect only as a source of the {@code SpringApplication}
 * ({@code SpringApplication.from(...).with(...)}), never through {@code @Import} or
 * component scanning.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class FakeHitKeyConfiguration {

	FakeHitKeyConfiguration() {
	}

}
