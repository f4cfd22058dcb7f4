package io.hitkey.spring.test;

import io.hitkey.spring.HitKeyClientRegistrations;
import jakarta.servlet.ServletContext;
import org.jspecify.annotations.Nullable;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * A MockMvc {@link RequestPostProcessor} that signs a HitKey user in, built with
 * {@link HitKeyMockMvcRequestPostProcessors#hitKeyLogin()}. The application context of
 * the request supplies the application's scopes, authorities mapping and client
 * registration, as in a real sign-in.
 *
 * @author HitKey
 * @since 0.1.0
 */
public final class HitKeyLoginRequestPostProcessor extends AbstractHitKeyLogin<HitKeyLoginRequestPostProcessor>
		implements RequestPostProcessor {

	HitKeyLoginRequestPostProcessor() {
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		WebApplicationContext context = findContext(request.getServletContext());
		MockHttpServletRequest authenticated = SecurityMockMvcRequestPostProcessors
			.authentication(login().authentication(context))
			.postProcessRequest(request);
		return SecurityMockMvcRequestPostProcessors.oauth2Client(HitKeyClientRegistrations.REGISTRATION_ID)
			.clientRegistration(registration(context))
			.principalName(login().principalName())
			.accessToken(login().accessToken(context))
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
		return fallbackRegistration();
	}

}
