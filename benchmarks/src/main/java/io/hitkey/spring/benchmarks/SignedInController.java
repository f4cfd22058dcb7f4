package io.hitkey.spring.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the benchmarks ask a signed-in user's application: an access token through the
 * {@code OAuth2AuthorizedClientManager} (refreshed when expired), and the size of the
 * session state, as a session store would write it.
 */
@RestController
class SignedInController {

	private final SessionJson sessionJson;

	private final ObjectProvider<OAuth2AuthorizedClientService> authorizedClients;

	SignedInController(SessionJson sessionJson, ObjectProvider<OAuth2AuthorizedClientService> authorizedClients) {
		this.sessionJson = sessionJson;
		this.authorizedClients = authorizedClients;
	}

	@GetMapping("/token")
	String token(@RegisteredOAuth2AuthorizedClient("hitkey") OAuth2AuthorizedClient client) {
		return (client.getAccessToken() != null) ? "ok" : "none";
	}

	/**
	 * Each attribute serialized on its own, as Spring Session stores them; the user's
	 * authorized client when the application keeps it on the heap instead; and the
	 * session's id, to find it in a session store.
	 */
	@GetMapping("/session-bytes")
	Map<String, Object> sessionBytes(HttpSession session, Authentication user) throws IOException {
		List<String> names = new ArrayList<>(Collections.list(session.getAttributeNames()));
		Collections.sort(names);
		Map<String, Object> attributes = new LinkedHashMap<>();
		long jdk = 0;
		long json = 0;
		for (String name : names) {
			Object value = session.getAttribute(name);
			int jdkBytes = jdkBytes(value);
			int jsonBytes = this.sessionJson.mapper().writeValueAsBytes(value).length;
			attributes.put(name, Map.of("jdk", jdkBytes, "json", jsonBytes));
			jdk += jdkBytes;
			json += jsonBytes;
		}
		Map<String, Object> sizes = new LinkedHashMap<>();
		sizes.put("attributes", attributes);
		sizes.put("jdk", jdk);
		sizes.put("json", json);
		sizes.put("session_id", session.getId());
		OAuth2AuthorizedClientService service = this.authorizedClients.getIfAvailable();
		OAuth2AuthorizedClient onHeap = (service != null) ? service.loadAuthorizedClient("hitkey", user.getName())
				: null;
		if (onHeap != null) {
			sizes.put("heap_authorized_client",
					Map.of("jdk", jdkBytes(onHeap), "json", this.sessionJson.mapper().writeValueAsBytes(onHeap).length));
		}
		return sizes;
	}

	private static int jdkBytes(Object value) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		return bytes.size();
	}

	/**
	 * The JSON mapper a session store would use for the application's security objects.
	 * @param mapper the mapper
	 */
	record SessionJson(JsonMapper mapper) {

	}

}
