package io.hitkey.spring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HitKeyUserRuntimeHints}: what the JDK and Jackson really reach when a
 * signed-in user is stored in a session has the hints a native image needs.
 */
class HitKeyUserRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	HitKeyUserRuntimeHintsTests() {
		new HitKeyUserRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void registrarIsListedInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(HitKeyUserRuntimeHints.class);
	}

	@Test
	void everyClassTheJdkWritesForASignedInUserHasASerializationHint() throws Exception {
		Map<String, Object> claims = HitKeyUserTests.fullClaims();
		claims.put("email_verified", true);
		HitKeyUser user = HitKeyUserTests.user(claims, "openid", "profile", "email", "project:read");
		SecurityContextImpl context = new SecurityContextImpl(
				new OAuth2AuthenticationToken(user, user.getAuthorities(), "hitkey"));
		RuntimeHints allHints = JdkSerializedClasses.ofAllRegistrars();

		Set<String> written = JdkSerializedClasses.of(context);

		assertThat(written).contains(HitKeyUser.class.getName(), HitKeyProject.class.getName());
		assertThat(written).allSatisfy(
				(name) -> assertThat(JdkSerializedClasses.javaSerialization(name)).as(name).accepts(allHints));
	}

	@Test
	void theListsOfProjectPermissionsThatTheJdkReplacesHaveSerializationHints() {
		for (List<String> permissions : List.of(List.of("can_deploy"), List.of("a", "b", "c"), List.<String>of())) {
			HitKeyProject project = new HitKeyProject(UUID.randomUUID(), null, null, null,
					new ArrayList<>(permissions));

			String type = project.permissions().getClass().getName();
			assertThat(JdkSerializedClasses.javaSerialization(type)).as(type).accepts(this.hints);
		}
	}

	@Test
	void jacksonFindsTheUserByTheClassNameItWrites() {
		assertThat(json().get("@class").asString()).isEqualTo(HitKeyUser.class.getName());
		assertThat(RuntimeHintsPredicates.reflection().onType(HitKeyUser.class)).accepts(this.hints);
	}

	@Test
	void everyFieldJacksonWritesHasAnAccessHint() {
		List<String> properties = new ArrayList<>(json().propertyNames());
		properties.remove("@class");

		assertThat(properties).containsExactlyInAnyOrder("attributes", "scopes", "authorities");
		assertThat(properties).allSatisfy((field) -> assertThat(
				RuntimeHintsPredicates.reflection().onFieldAccess(HitKeyUser.class, field))
			.accepts(this.hints));
	}

	@Test
	void theUsersFactoryMethodThatJacksonReadsWithHasAnInvocationHint() {
		assertThat(ReflectionUtils.findMethod(HitKeyUserMixin.class, "fromClaims", Map.class, Collection.class,
				Collection.class))
			.satisfies((creator) -> assertThat(creator.isAnnotationPresent(JsonCreator.class)).isTrue());

		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ReflectionUtils.findMethod(HitKeyUser.class, "fromClaims", Map.class,
					Collection.class, Collection.class)))
			.accepts(this.hints);
	}

	@Test
	void theMixinIsIntrospectedAndEveryConverterItNamesCanBeCreated() {
		assertThat(RuntimeHintsPredicates.reflection().onType(HitKeyUserMixin.class)).accepts(this.hints);
		List<Class<?>> converters = new ArrayList<>();
		ReflectionUtils.doWithLocalFields(HitKeyUserMixin.class, (field) -> MergedAnnotations.from(field)
			.stream(JsonSerialize.class)
			.forEach((annotation) -> converters.add(annotation.getClass("converter"))));
		ReflectionUtils.doWithLocalMethods(HitKeyUserMixin.class, (method) -> {
			for (int i = 0; i < method.getParameterCount(); i++) {
				MergedAnnotations.from(method.getParameters()[i])
					.stream(JsonDeserialize.class)
					.forEach((annotation) -> converters.add(annotation.getClass("using")));
			}
		});

		assertThat(converters).containsExactlyInAnyOrder(HitKeyUserMixin.ScopesToJson.class,
				HitKeyUserMixin.AuthoritiesToJson.class, HitKeyUserMixin.ScopesFromJson.class,
				HitKeyUserMixin.AuthoritiesFromJson.class);
		assertThat(converters).allSatisfy((converter) -> assertThat(RuntimeHintsPredicates.reflection()
			.onType(converter)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints));
	}

	private JsonNode json() {
		HitKeyUser user = HitKeyUserTests.user(HitKeyUserTests.fullClaims(), "openid", "profile", "project:read");
		JsonMapper mapper = JsonMapper.builder()
			.addModules(HitKeyJacksonModule.securityModules(getClass().getClassLoader()))
			.build();
		return mapper.readTree(mapper.writeValueAsString(user));
	}

}
