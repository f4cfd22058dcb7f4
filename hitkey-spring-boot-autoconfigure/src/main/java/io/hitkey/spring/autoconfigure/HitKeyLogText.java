package io.hitkey.spring.autoconfigure;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Makes outside input safe to log: a callback's {@code error_description}, HitKey's
 * messages, a header. Control and line-separator characters become spaces, so nobody
 * can write a fake log line into the log, and the text is cut at
 * {@value #MAX_LENGTH} characters.
 *
 * @author HitKey
 */
public final class HitKeyLogText {

	/**
	 * The longest text logged.
	 */
	public static final int MAX_LENGTH = 200;

	private static final Pattern CODE = Pattern.compile("(^|&)code=[^&]*");

	private static final Pattern UNSAFE = Pattern
		.compile("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]");

	private HitKeyLogText() {
	}

	/**
	 * Return the given outside input, safe to log.
	 * @param text the input, or {@code null}
	 * @return the text to log ({@code "null"} for {@code null})
	 */
	public static String of(@Nullable String text) {
		if (text == null) {
			return "null";
		}
		String cut = (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) : text;
		String safe = UNSAFE.matcher(cut).replaceAll(" ");
		return (text.length() > MAX_LENGTH) ? safe + "…" : safe;
	}

	/**
	 * Return whether the given raw query string holds an authorization code.
	 */
	static boolean hasCode(String query) {
		return CODE.matcher(query).find();
	}

	/**
	 * Return the given raw query string with its authorization code masked: a code is a
	 * credential until it is used, and servers log request lines.
	 */
	static String maskCode(String query) {
		return CODE.matcher(query).replaceAll("$1code=******");
	}

}
