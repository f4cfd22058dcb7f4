package io.hitkey.spring.test;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * A {@link WebTestClientConfigurer} that authenticates requests as if they carried a
 * HitKey access token: the reactive counterpart of
 * {@link HitKeyBearerTokenRequestPostProcessor}.
 *
 * @author HitKey
 * @since 0.1.0
 * @see HitKeyWebTestClientConfigurers#mockHitKeyBearerToken()
 */
public final class HitKeyBearerTokenMutator extends AbstractHitKeyLogin<HitKeyBearerTokenMutator>
		implements WebTestClientConfigurer {

	private @Nullable ListableBeanFactory beans;

	HitKeyBearerTokenMutator() {
	}

	/**
	 * Use the application's authorities mapping.
	 * @param beans the application context
	 * @return this configurer
	 */
	public HitKeyBearerTokenMutator beans(ListableBeanFactory beans) {
		this.beans = beans;
		return this;
	}

	@Override
	public void afterConfigurerAdded(WebTestClient.Builder builder,
			@Nullable WebHttpHandlerBuilder httpHandlerBuilder, @Nullable ClientHttpConnector connector) {
		SecurityMockServerConfigurers.mockAuthentication(MockHitKeyBearerToken.authentication(login(), this.beans))
			.afterConfigurerAdded(builder, httpHandlerBuilder, connector);
	}

}
