package io.hitkey.spring.test;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * HitKey's rules for matching a redirect URI: it URL-decodes and tolerates a trailing
 * slash, but scheme, host, port and path must match exactly.
 *
 * @author HitKey
 */
final class RedirectUris {

	private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

	private RedirectUris() {
	}

	/**
	 * Return whether the requested redirect URI is allowed: it matches a registered one
	 * or, when none is registered, it points at this machine.
	 */
	static boolean isAllowed(List<String> registered, String requested) {
		URI uri = parse(requested);
		if (uri == null) {
			return false;
		}
		if (registered.isEmpty()) {
			return isLoopback(uri.getHost());
		}
		return registered.stream().map(RedirectUris::parse).anyMatch((candidate) -> sameTarget(candidate, uri));
	}

	/**
	 * Return whether two redirect URIs name the same target by HitKey's rules.
	 */
	static boolean matches(String first, String second) {
		return sameTarget(parse(first), parse(second));
	}

	private static boolean sameTarget(@Nullable URI first, @Nullable URI second) {
		return first != null && second != null && first.getScheme().equalsIgnoreCase(second.getScheme())
				&& first.getHost().equalsIgnoreCase(second.getHost()) && port(first) == port(second)
				&& Objects.equals(path(first), path(second));
	}

	private static @Nullable URI parse(String value) {
		try {
			URI uri = new URI(URLDecoder.decode(value, StandardCharsets.UTF_8));
			boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
			return (http && uri.getHost() != null) ? uri : null;
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
	}

	private static String path(URI uri) {
		String path = (uri.getPath() != null) ? uri.getPath() : "";
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

	private static boolean isLoopback(String host) {
		return "localhost".equalsIgnoreCase(host) || IPV4_LOOPBACK.matcher(host).matches() || "[::1]".equals(host);
	}

	/**
	 * Return the origin ({@code scheme://host:port}) of the given redirect URI, or
	 * {@code null} when it is not an absolute http or https URI: the address of the
	 * application that sent it, safe to link to.
	 */
	static @Nullable String origin(String redirectUri) {
		URI uri = parse(redirectUri);
		if (uri == null) {
			return null;
		}
		String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost();
		return (uri.getPort() != -1) ? origin + ":" + uri.getPort() : origin;
	}

	/**
	 * Return the redirect URI the browser is sent back to: the decoded form that was
	 * checked.
	 */
	static String decoded(String redirectUri) {
		return URLDecoder.decode(redirectUri, StandardCharsets.UTF_8);
	}

}
