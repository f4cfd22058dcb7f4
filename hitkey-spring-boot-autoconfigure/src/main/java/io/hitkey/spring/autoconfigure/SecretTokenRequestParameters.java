package io.hitkey.spring.autoconfigure;

import java.util.AbstractList;
import java.util.List;
import java.util.Set;

import org.springframework.util.MultiValueMap;

/**
 * Hides the secrets of a token request (client secret, code, code verifier, refresh
 * token) from the request body's {@code toString()}, which Spring's HTTP clients log at
 * debug level before writing it. The values themselves are left intact.
 *
 * @author HitKey
 */
final class SecretTokenRequestParameters {

	private static final Set<String> SECRETS = Set.of("client_secret", "code", "code_verifier", "refresh_token",
			"client_assertion");

	private SecretTokenRequestParameters() {
	}

	static void hide(MultiValueMap<String, String> parameters) {
		for (String name : SECRETS) {
			List<String> values = parameters.get(name);
			if (values != null && !(values instanceof HiddenValues)) {
				parameters.put(name, new HiddenValues(values));
			}
		}
	}

	private static final class HiddenValues extends AbstractList<String> {

		private final List<String> values;

		private HiddenValues(List<String> values) {
			this.values = List.copyOf(values);
		}

		@Override
		public String get(int index) {
			return this.values.get(index);
		}

		@Override
		public int size() {
			return this.values.size();
		}

		@Override
		public String toString() {
			return "[******]";
		}

	}

}
