package io.hitkey.spring.test;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The self-signed certificate {@link FakeHitKey} serves HTTPS with: issued to
 * {@code 127.0.0.1} and {@code localhost}, its key published with this module, so it
 * proves nothing but that TLS is spoken. For tests and benchmarks only.
 *
 * @author HitKey
 */
final class FakeHitKeyCertificate {

	private static final String KEY_STORE = "fake-hitkey-tls.p12";

	private static final char[] PASSWORD = "fake-hitkey".toCharArray();

	private FakeHitKeyCertificate() {
	}

	static SSLContext serverContext() {
		try {
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(keyStore(), PASSWORD);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(), null, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not load FakeHitKey's certificate", ex);
		}
	}

	static SSLContext clientContext() {
		try {
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(keyStore());
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trustManagers.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not load FakeHitKey's certificate", ex);
		}
	}

	private static KeyStore keyStore() throws GeneralSecurityException {
		try (InputStream in = FakeHitKeyCertificate.class.getResourceAsStream(KEY_STORE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + KEY_STORE + " next to " + FakeHitKeyCertificate.class);
			}
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(in, PASSWORD);
			return keyStore;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read " + KEY_STORE, ex);
		}
	}

}
