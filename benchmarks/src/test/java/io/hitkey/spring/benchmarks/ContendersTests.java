package io.hitkey.spring.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKeyUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the benchmarks compare must work before it is timed: each contender signs a user
 * in against the fake HitKey over TLS, each way of making a sign-in's HitKey calls
 * succeeds, and the API accepts a HitKey access token and nothing else. Nothing here is
 * timed.
 */
class ContendersTests {

	private static final FakeHitKeyUser ADA = FakeHitKeyUser.of("Ada Lovelace", "ada@example.com");

	private static SSLContext jvmDefault;

	private static FakeHitKey hitKey;

	private static ConfigurableApplicationContext starter;

	private static ConfigurableApplicationContext handWritten;

	@BeforeAll
	static void start() throws NoSuchAlgorithmException {
		jvmDefault = SSLContext.getDefault();
		SSLContext.setDefault(FakeHitKey.trustingSslContext());
		hitKey = FakeHitKey.builder().tls().autoApprove(ADA).build().start();
		starter = Contender.STARTER.start(hitKey.authUrl(), hitKey.apiUrl());
		handWritten = Contender.HAND_WRITTEN.start(hitKey.authUrl(), hitKey.apiUrl());
	}

	@AfterAll
	static void stop() {
		starter.close();
		handWritten.close();
		hitKey.close();
		SSLContext.setDefault(jvmDefault);
	}

	@Test
	void bothSecuredContendersSignInThroughHitKey() throws Exception {
		for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] { starter, handWritten }) {
			hitKey.reset();
			new Browser().signIn(url(app));
			assertThat(hitKey.tokenCalls("authorization_code")).isEqualTo(1);
			assertThat(hitKey.calls(FakeHitKey.Endpoint.USERINFO)).isEqualTo(1);
		}
	}

	@Test
	void theHandWrittenSessionKeepsTheTokensOnTheHeapAndTheStarterInTheSession() throws Exception {
		JsonNode starterSession = sessionBytes(starter);
		JsonNode handWrittenSession = sessionBytes(handWritten);

		assertThat(starterSession.get("attributes").propertyNames())
			.contains("io.hitkey.spring.AUTHORIZED_CLIENT.hitkey")
			.noneMatch((name) -> name.startsWith("io.hitkey.spring.PENDING_SIGN_IN."));
		assertThat(starterSession.has("heap_authorized_client")).isFalse();
		assertThat(handWrittenSession.get("attributes").propertyNames()).containsExactly("SPRING_SECURITY_CONTEXT");
		assertThat(handWrittenSession.get("heap_authorized_client").get("jdk").asInt()).isPositive();
	}

	@Test
	void theContendersKeepTheirSessionsOnTheHeapThoughSpringSessionIsOnTheClassPath() {
		for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] { starter, handWritten }) {
			assertThat(app.getBeanNamesForType(SessionRepository.class)).isEmpty();
			assertThat(app.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
		}
	}

	@Test
	void theStarterKeepsItsSessionInRedisWithEitherSerialization() throws Exception {
		Optional<Path> program = RedisServer.program();
		Assumptions.assumeTrue(program.isPresent(), "redis-server not found on PATH: the Redis measurement is skipped");
		try (RedisSessions redis = RedisSessions.start(program.get())) {
			RedisSessions.Footprint jdk = redis.measure(Contender.STARTER, "jdk", hitKey.authUrl(), hitKey.apiUrl());
			RedisSessions.Footprint json = redis.measure(Contender.STARTER, "json", hitKey.authUrl(), hitKey.apiUrl());
			for (RedisSessions.Footprint footprint : new RedisSessions.Footprint[] { jdk, json }) {
				assertThat(footprint.fields()).containsKeys("creationTime", "lastAccessedTime",
						"sessionAttr:SPRING_SECURITY_CONTEXT", "sessionAttr:io.hitkey.spring.AUTHORIZED_CLIENT.hitkey");
				assertThat(footprint.fields().get("sessionAttr:SPRING_SECURITY_CONTEXT")).isPositive();
				assertThat(footprint.memoryUsage()).isGreaterThan(footprint.valueBytes());
			}
			assertThat(json.fields().get("sessionAttr:SPRING_SECURITY_CONTEXT"))
				.isLessThan(jdk.fields().get("sessionAttr:SPRING_SECURITY_CONTEXT"));
		}
	}

	@Test
	void everyWayOfMakingTheHitKeyCallsExchangesACode() throws Exception {
		String redirectUri = url(starter) + "/login/oauth2/code/hitkey";
		try (AuthorizationCodes codes = new AuthorizationCodes(hitKey, redirectUri)) {
			String[] issued = codes.issue(3);
			hitKey.reset();
			SpringHitKeyExchange.ofStarter(starter, redirectUri).exchange(issued[0]);
			SpringHitKeyExchange.ofHandWritten(handWritten, redirectUri).exchange(issued[1]);
			new RawHitKeyExchange(hitKey, redirectUri).exchange(issued[2]);
			assertThat(hitKey.tokenCalls("authorization_code")).isEqualTo(3);
			assertThat(hitKey.calls(FakeHitKey.Endpoint.USERINFO)).isEqualTo(3);
		}
	}

	@Test
	void theSignInContendersLeaveTheResourceServerOut() {
		for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] { starter, handWritten }) {
			assertThat(app.getBeanNamesForType(OpaqueTokenIntrospector.class)).isEmpty();
		}
	}

	@Test
	void theApiAcceptsAHitKeyTokenAndAsksHitKeyOnce() throws Exception {
		ConfigurableApplicationContext api = Contender.API_ONLY.start(hitKey.authUrl(), hitKey.apiUrl());
		try {
			hitKey.reset();
			ApiClient withToken = new ApiClient(hitKey.accessToken(ADA));
			withToken.expect(url(api) + "/me", ADA.sub().toString());
			withToken.expect(url(api) + "/hello", "hello");
			assertThat(hitKey.calls(FakeHitKey.Endpoint.USERINFO)).isEqualTo(1);
			assertThat(new ApiClient(null).get(url(api) + "/hello").statusCode()).isEqualTo(401);
			assertThat(new ApiClient("not-a-hitkey-token").get(url(api) + "/hello").statusCode()).isEqualTo(401);
		}
		finally {
			api.close();
		}
	}

	@Test
	void theOpenContenderHasNoSecurity() throws Exception {
		ConfigurableApplicationContext open = Contender.NO_SECURITY.start("https://127.0.0.1:9", "https://127.0.0.1:9");
		try {
			new Browser().expect(url(open) + "/hello", "hello");
			new ApiClient(null).expect(url(open) + "/hello", "hello");
			assertThat(open.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
		}
		finally {
			open.close();
		}
	}

	private static JsonNode sessionBytes(ConfigurableApplicationContext app) throws Exception {
		Browser browser = new Browser();
		browser.signIn(url(app));
		return JsonMapper.shared()
			.readTree(browser.get(URI.create(url(app) + "/session-bytes"), "application/json").body());
	}

	private static String url(ConfigurableApplicationContext app) {
		return "http://127.0.0.1:" + Contender.port(app);
	}

}
