package io.hitkey.spring.sample;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.client.annotation.ClientRegistrationId;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The sample's API as its pages call it: an HTTP service interface whose calls carry the
 * signed-in user's HitKey access token ({@code @ClientRegistrationId("hitkey")}),
 * refreshed on the way when it has expired. {@link SampleApiController} answers them; in
 * your system the API would be another service.
 *
 * @author HitKey
 */
@HttpExchange("/api")
@ClientRegistrationId("hitkey")
interface SampleApi {

	@GetExchange("/me")
	Me me();

	@GetExchange("/notes")
	List<Note> notes();

	@PostExchange("/notes")
	Note addNote(@RequestBody NewNote note);

	/**
	 * Who the API saw in the Bearer token.
	 *
	 * @param sub the user's HitKey id
	 * @param name the user's name, as the sample shows it
	 * @param email the user's email, if shared
	 * @param project the name of the user's HitKey project, if any
	 * @param role the user's role in that project, if any
	 * @param authorities the authorities of the API's authentication
	 */
	record Me(UUID sub, String name, @Nullable String email, @Nullable String project, @Nullable String role,
			List<String> authorities) {
	}

	/**
	 * A note of the user's.
	 *
	 * @param text what the note says
	 * @param createdAt when the API received it
	 */
	record Note(String text, Instant createdAt) {
	}

	/**
	 * A note to add.
	 *
	 * @param text what the note says
	 */
	record NewNote(@Nullable String text) {
	}

}
