package io.hitkey.spring.autoconfigure;

import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.ClientRequestObservationConvention;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * The application's observation convention for HTTP client requests, with the path of
 * HitKey's endpoint ({@code /oauth/token}, {@code /oauth/userinfo}) as the URI template
 * of every call to HitKey's API.
 * <p>
 * Spring Security's user service and the Bearer token checks call userinfo with a
 * {@link java.net.URI} rather than a URI template, which Spring's convention tags
 * {@code uri=none}. HitKey's endpoints have no path variables, so their path is their
 * template; a query string, were there one, is left out. The observation's name and its
 * other key values stay the application's, so HitKey's calls are observed as its own
 * calls are.
 *
 * @author HitKey
 */
final class HitKeyClientRequestObservationConvention implements ClientRequestObservationConvention {

	private final ClientRequestObservationConvention delegate;

	/**
	 * Create a new instance.
	 * @param delegate the application's convention, or {@code null} for Spring's default
	 */
	HitKeyClientRequestObservationConvention(@Nullable ClientRequestObservationConvention delegate) {
		this.delegate = (delegate != null) ? delegate : new DefaultClientRequestObservationConvention();
	}

	@Override
	public String getName() {
		return this.delegate.getName();
	}

	@Override
	public @Nullable String getContextualName(ClientRequestObservationContext context) {
		return this.delegate.getContextualName(withEndpointPath(context));
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
		return this.delegate.getLowCardinalityKeyValues(withEndpointPath(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ClientRequestObservationContext context) {
		return this.delegate.getHighCardinalityKeyValues(withEndpointPath(context));
	}

	private static ClientRequestObservationContext withEndpointPath(ClientRequestObservationContext context) {
		ClientHttpRequest request = context.getCarrier();
		if (request != null) {
			context.setUriTemplate(request.getURI().getRawPath());
		}
		return context;
	}

}
