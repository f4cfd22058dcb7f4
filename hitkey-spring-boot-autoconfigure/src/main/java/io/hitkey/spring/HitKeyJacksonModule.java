package io.hitkey.spring;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.Version;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.security.jackson.SecurityJacksonModule;
import org.springframework.security.jackson.SecurityJacksonModules;

/**
 * Jackson 3 support for storing a signed-in {@link HitKeyUser} as JSON, for example in
 * Spring Session's JSON serializer. Use it alongside Spring Security's modules, most
 * simply through {@link #securityModules(ClassLoader)}:
 * <pre class="code">
 * JsonMapper mapper = JsonMapper.builder()
 *     .addModules(HitKeyJacksonModule.securityModules(getClass().getClassLoader()))
 *     .build();
 * </pre>
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyJacksonModule extends SecurityJacksonModule {

	/**
	 * Create the module. Register {@link HitKeyUser} with the polymorphic type validator
	 * too, through {@link #configurePolymorphicTypeValidator}, or use
	 * {@link #securityModules(ClassLoader)}, which does both.
	 */
	public HitKeyJacksonModule() {
		super(HitKeyJacksonModule.class.getName(),
				new Version(0, 1, 0, null, "io.hitkey", "hitkey-spring-boot-autoconfigure"));
	}

	/**
	 * Return Spring Security's Jackson modules found on the class path together with this
	 * one, with {@link HitKeyUser} allowed by the polymorphic type validator.
	 * @param classLoader the class loader to find Spring Security's modules with
	 * @return the modules to add to a {@code JsonMapper}
	 */
	public static List<JacksonModule> securityModules(ClassLoader classLoader) {
		HitKeyJacksonModule hitKeyModule = new HitKeyJacksonModule();
		BasicPolymorphicTypeValidator.Builder typeValidator = BasicPolymorphicTypeValidator.builder();
		hitKeyModule.configurePolymorphicTypeValidator(typeValidator);
		List<JacksonModule> modules = new ArrayList<>(SecurityJacksonModules.getModules(classLoader, typeValidator));
		modules.add(hitKeyModule);
		return modules;
	}

	/**
	 * Allow {@link HitKeyUser} and {@link Long}: the starter stamps each pending sign-in
	 * (Spring Security's {@code OAuth2AuthorizationRequest}) with its start time, a
	 * {@code Long} among the request's attributes.
	 */
	@Override
	public void configurePolymorphicTypeValidator(BasicPolymorphicTypeValidator.Builder builder) {
		builder.allowIfSubType(HitKeyUser.class).allowIfSubType(Long.class);
	}

	@Override
	public void setupModule(SetupContext context) {
		super.setupModule(context);
		context.setMixIn(HitKeyUser.class, HitKeyUserMixin.class);
	}

}
