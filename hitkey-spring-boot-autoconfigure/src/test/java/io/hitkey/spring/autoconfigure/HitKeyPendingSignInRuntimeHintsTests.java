package io.hitkey.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import io.hitkey.spring.JdkSerializedClasses;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HitKeyPendingSignInRuntimeHints}: what the JDK and Jackson really
 * reach when a pending sign-in is stored in a session has the hints a native image needs.
 */
class HitKeyPendingSignInRuntimeHintsTests {

	private final OAuth2AuthorizationRequest pending = HitKeyPendingSignIns.started(OAuth2AuthorizationRequest
		.authorizationCode()
		.authorizationUri("https://hitkey.io/")
		.clientId("client-id")
		.redirectUri("http://localhost:8080/login/oauth2/code/hitkey")
		.scopes(Set.of("openid", "profile"))
		.state("state")
		.attributes((attributes) -> attributes.put("registration_id", "hitkey"))
		.build(), 1_000L);

	@Test
	void registrarIsListedInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(HitKeyPendingSignInRuntimeHints.class);
	}

	@Test
	void everyClassTheJdkWritesForAPendingSignInHasASerializationHint() throws Exception {
		RuntimeHints allHints = JdkSerializedClasses.ofAllRegistrars();

		Set<String> written = JdkSerializedClasses.of(this.pending);

		assertThat(written).contains(OAuth2AuthorizationRequest.class.getName(), Long.class.getName());
		assertThat(written).allSatisfy(
				(name) -> assertThat(JdkSerializedClasses.javaSerialization(name)).as(name).accepts(allHints));
	}

	@Test
	void jacksonFindsTheStartTimeByTheClassNameItWrites() {
		String json = new String(new SessionJson(getClass().getClassLoader(), List.of()).write(this.pending),
				StandardCharsets.UTF_8);
		RuntimeHints hints = new RuntimeHints();
		new HitKeyPendingSignInRuntimeHints().registerHints(hints, getClass().getClassLoader());

		assertThat(json).contains("[\"java.lang.Long\",1000]");
		assertThat(RuntimeHintsPredicates.reflection().onType(Long.class)).accepts(hints);
	}

}
