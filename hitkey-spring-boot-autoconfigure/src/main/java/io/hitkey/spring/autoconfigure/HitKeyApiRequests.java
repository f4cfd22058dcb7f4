package io.hitkey.spring.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Which requests come from API clients rather than browsers, on either stack. A browser
 * asks for HTML by name ({@code text/html} or {@code application/xhtml+xml}) and is not
 * a script ({@code X-Requested-With: XMLHttpRequest}); everything else (JSON clients,
 * {@code curl} with {@code Accept: *}{@code /*}, scripts) is an API client. API clients get
 * status codes, never a redirect to HitKey they could not follow.
 *
 * @author HitKey
 */
public final class HitKeyApiRequests {

	private static final List<MediaType> PAGES = List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML);

	private HitKeyApiRequests() {
	}

	/**
	 * Return whether a request with the given headers comes from an API client.
	 * @param accept the {@code Accept} header, or {@code null}
	 * @param requestedWith the {@code X-Requested-With} header, or {@code null}
	 * @return whether the request is an API call
	 */
	public static boolean isApiRequest(@Nullable String accept, @Nullable String requestedWith) {
		if ("XMLHttpRequest".equalsIgnoreCase(requestedWith)) {
			return true;
		}
		return !asksForPage(accept);
	}

	private static boolean asksForPage(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			for (MediaType type : MediaType.parseMediaTypes(accept)) {
				if (!type.isWildcardType() && !type.isWildcardSubtype() && PAGES.stream().anyMatch(type::isCompatibleWith)
						&& type.getQualityValue() > 0) {
					return true;
				}
			}
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		return false;
	}

}
