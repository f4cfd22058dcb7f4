package io.hitkey.spring.autoconfigure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.util.StringUtils;

/**
 * The form in which the starter keeps an authorized client in a session, on either
 * stack: one sealed string. Spring Security's {@link OAuth2AuthorizedClient} carries the
 * whole {@link ClientRegistration}, client secret included, and its tokens in the clear,
 * so a shared session store (Redis, a database) would hold the client secret and every
 * user's tokens, in some kilobytes per session. The sealed form holds only the
 * principal name and the tokens, encrypted (AES-GCM) with a key derived from the
 * registration's client secret and bound to its id: the store never sees a token, any
 * instance with the same secret opens it, and the registration is looked up again when
 * the client is loaded. A string is also what every session serializer, JDK or JSON,
 * writes and reads most compactly, and whatever cannot be opened (another secret, an
 * earlier format, a changed value) is simply no authorized client: the user signs in
 * again.
 *
 * @author HitKey
 */
final class SealedAuthorizedClients {

	private static final String ATTRIBUTE_PREFIX = "io.hitkey.spring.AUTHORIZED_CLIENT.";

	private static final String FORMAT = "hk1.";

	private static final String CIPHER = "AES/GCM/NoPadding";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String KEY_DERIVATION = "HmacSHA256";

	private static final String KEY_LABEL = "io.hitkey.spring session tokens:";

	private static final SecureRandom RANDOM = new SecureRandom();

	private SealedAuthorizedClients() {
	}

	/**
	 * Return the name of the session attribute that keeps the authorized client of the
	 * given registration.
	 * @param registrationId the registration's id
	 * @return the attribute name
	 */
	static String attributeName(String registrationId) {
		return ATTRIBUTE_PREFIX + registrationId;
	}

	/**
	 * Return the given authorized client sealed for a session.
	 * @param client the authorized client
	 * @return the sealed client
	 */
	static String seal(OAuth2AuthorizedClient client) {
		ClientRegistration registration = client.getClientRegistration();
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			RANDOM.nextBytes(nonce);
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, registration, nonce);
			byte[] sealed = cipher.doFinal(plain(client));
			byte[] all = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
			return FORMAT + Base64.getUrlEncoder().withoutPadding().encodeToString(all);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK cannot seal with " + CIPHER, ex);
		}
	}

	/**
	 * Return the authorized client sealed in a session attribute, with the given
	 * registration, or {@code null} when the attribute holds none that this registration
	 * opens.
	 * @param attribute the session attribute's value, or {@code null}
	 * @param registration the current registration with the client's id, or {@code null}
	 * when the application no longer has it
	 * @return the authorized client, or {@code null}
	 */
	static @Nullable OAuth2AuthorizedClient open(@Nullable Object attribute,
			@Nullable ClientRegistration registration) {
		if (!(attribute instanceof String sealed) || !sealed.startsWith(FORMAT) || registration == null) {
			return null;
		}
		try {
			byte[] all = Base64.getUrlDecoder().decode(sealed.substring(FORMAT.length()));
			if (all.length <= NONCE_BYTES) {
				return null;
			}
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, registration, Arrays.copyOf(all, NONCE_BYTES));
			return client(registration, cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES));
		}
		catch (IllegalArgumentException | GeneralSecurityException | IOException ex) {
			return null;
		}
	}

	private static Cipher cipher(int mode, ClientRegistration registration, byte[] nonce)
			throws GeneralSecurityException {
		Mac mac = Mac.getInstance(KEY_DERIVATION);
		// A registration without a secret (a public client) gets a key that is not secret.
		mac.init(new SecretKeySpec((KEY_LABEL + registration.getClientSecret()).getBytes(StandardCharsets.UTF_8),
				KEY_DERIVATION));
		byte[] key = mac.doFinal(KEY_LABEL.getBytes(StandardCharsets.UTF_8));
		Cipher cipher = Cipher.getInstance(CIPHER);
		cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD(registration.getRegistrationId().getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static byte[] plain(OAuth2AuthorizedClient client) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			OAuth2AccessToken accessToken = client.getAccessToken();
			writeString(out, client.getPrincipalName());
			writeString(out, accessToken.getTokenValue());
			writeString(out, accessToken.getTokenType().getValue());
			writeInstant(out, accessToken.getIssuedAt());
			writeInstant(out, accessToken.getExpiresAt());
			writeString(out, String.join(" ", accessToken.getScopes()));
			OAuth2RefreshToken refreshToken = client.getRefreshToken();
			out.writeBoolean(refreshToken != null);
			if (refreshToken != null) {
				writeString(out, refreshToken.getTokenValue());
				writeInstant(out, refreshToken.getIssuedAt());
				writeInstant(out, refreshToken.getExpiresAt());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static OAuth2AuthorizedClient client(ClientRegistration registration, byte[] plain) throws IOException {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
			String principalName = readString(in);
			String accessTokenValue = readString(in);
			OAuth2AccessToken.TokenType tokenType = tokenType(readString(in));
			Instant issuedAt = readInstant(in);
			Instant expiresAt = readInstant(in);
			Set<String> scopes = new LinkedHashSet<>(
					List.of(StringUtils.tokenizeToStringArray(readString(in), " ")));
			OAuth2AccessToken accessToken = new OAuth2AccessToken(tokenType, accessTokenValue, issuedAt, expiresAt,
					scopes);
			OAuth2RefreshToken refreshToken = in.readBoolean()
					? new OAuth2RefreshToken(readString(in), readInstant(in), readInstant(in)) : null;
			return new OAuth2AuthorizedClient(registration, principalName, accessToken, refreshToken);
		}
	}

	private static OAuth2AccessToken.TokenType tokenType(String value) {
		return OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(value) ? OAuth2AccessToken.TokenType.DPOP
				: OAuth2AccessToken.TokenType.BEARER;
	}

	private static void writeString(DataOutputStream out, String value) throws IOException {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static String readString(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0 || length > in.available()) {
			throw new IOException("Not a sealed authorized client");
		}
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

	private static void writeInstant(DataOutputStream out, @Nullable Instant instant) throws IOException {
		out.writeLong((instant != null) ? instant.toEpochMilli() : Long.MIN_VALUE);
	}

	private static @Nullable Instant readInstant(DataInputStream in) throws IOException {
		long millis = in.readLong();
		return (millis != Long.MIN_VALUE) ? Instant.ofEpochMilli(millis) : null;
	}

}
