package io.hitkey.spring.starter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.hitkey.spring.HitKeyJacksonModule;
import io.hitkey.spring.test.AutoConfigureFakeHitKey;
import io.hitkey.spring.test.FakeHitKey;
import io.hitkey.spring.test.FakeHitKeyUser;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a signed-in session costs a shared store, on every request that loads it: each
 * attribute as Spring Session writes it, with JDK serialization and as JSON
 * ({@code hitkey.session.serialization=json}). Fails when it grows back beyond half of
 * what it took before the authorized client was sealed (5.7 KB and 3.5 KB).
 */
@SpringBootTest(classes = SessionSizeTests.SessionSizeApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFakeHitKey
class SessionSizeTests {

	static final int MAX_JDK_BYTES = 2850;

	static final int MAX_JSON_BYTES = 1750;

	@Autowired
	FakeHitKey hitKey;

	@LocalServerPort
	int port;

	@Test
	void aSignedInSessionTakesAtMostHalfOfItsFormerBytes() throws Exception {
		this.hitKey.autoApprove(FakeHitKeyUser.of("Ada Lovelace", "ada@example.com")
			.withProjectRole("admin", "can_deploy", "can_review"));
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.ALWAYS)
			.build();

		HttpResponse<String> sizes = browser.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/session-bytes"))
					.header("Accept", "text/html,*/*;q=0.8")
					.build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(sizes.statusCode()).isEqualTo(200);
		JsonNode session = JsonMapper.shared().readTree(sizes.body());
		System.out.println("Signed-in session, bytes per attribute: " + session);
		assertThat(session.get("attributes").propertyNames()).containsExactlyInAnyOrder("SPRING_SECURITY_CONTEXT",
				"io.hitkey.spring.AUTHORIZED_CLIENT.hitkey");
		assertThat(session.get("jdk").asInt()).isLessThanOrEqualTo(MAX_JDK_BYTES);
		assertThat(session.get("json").asInt()).isLessThanOrEqualTo(MAX_JSON_BYTES);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SessionBytesController.class)
	static class SessionSizeApplication {

	}

	@RestController
	static class SessionBytesController {

		private final ObjectWriter json = JsonMapper.builder()
			.addModules(HitKeyJacksonModule.securityModules(getClass().getClassLoader()))
			.build()
			.writerFor(Object.class);

		@GetMapping("/session-bytes")
		Map<String, Object> sessionBytes(HttpSession session) throws IOException {
			Map<String, Object> attributes = new LinkedHashMap<>();
			int jdk = 0;
			int json = 0;
			for (String name : Collections.list(session.getAttributeNames())) {
				Object value = session.getAttribute(name);
				int jdkBytes = jdkBytes(value);
				int jsonBytes = this.json.writeValueAsBytes(value).length;
				attributes.put(name, Map.of("jdk", jdkBytes, "json", jsonBytes));
				jdk += jdkBytes;
				json += jsonBytes;
			}
			return Map.of("attributes", attributes, "jdk", jdk, "json", json);
		}

		private static int jdkBytes(Object value) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
				out.writeObject(value);
			}
			return bytes.size();
		}

	}

}
