package io.hitkey.spring.test;

import jakarta.servlet.ServletContext;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * A {@link RequestPostProcessor} that authenticates a MockMvc request as if it carried a
 * HitKey access token: the authentication the starter's Bearer token check gives, with
 * a {@code HitKeyUser} principal and its authorities, and no call to HitKey. Configure
 * the user with the methods of {@link AbstractHitKeyLogin}.
 *
 * @author HitKey
 * @since 0.1.0
 * @see HitKeyMockMvcRequestPostProcessors#hitKeyBearerToken()
 */
public final class HitKeyBearerTokenRequestPostProcessor
		extends AbstractHitKeyLogin<HitKeyBearerTokenRequestPostProcessor> implements RequestPostProcessor {

	HitKeyBearerTokenRequestPostProcessor() {
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		ServletContext servletContext = request.getServletContext();
		return SecurityMockMvcRequestPostProcessors
			.authentication(MockHitKeyBearerToken.authentication(login(),
					(servletContext != null) ? WebApplicationContextUtils.findWebApplicationContext(servletContext)
							: null))
			.postProcessRequest(request);
	}

}
