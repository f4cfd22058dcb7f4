package io.hitkey.spring.sample;

import java.util.List;

import io.hitkey.spring.HitKeyProject;
import io.hitkey.spring.HitKeyUser;
import io.hitkey.spring.sample.SampleApi.Me;
import io.hitkey.spring.sample.SampleApi.NewNote;
import io.hitkey.spring.sample.SampleApi.Note;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The sample's API, for any client that holds a HitKey access token: a single-page app, a
 * mobile app, another service, or the sample's own pages through {@link SampleApi}. The
 * principal is the token's owner, the same {@link HitKeyUser} with the same authorities
 * as a browser sign-in.
 *
 * @author HitKey
 */
@RestController
@RequestMapping("/api")
class SampleApiController {

	private static final int MAX_NOTE_LENGTH = 200;

	private final Notes notes;

	SampleApiController(Notes notes) {
		this.notes = notes;
	}

	@GetMapping("/me")
	Me me(@AuthenticationPrincipal HitKeyUser user, Authentication authentication) {
		List<String> authorities = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.sorted()
			.toList();
		HitKeyProject project = user.project().orElse(null);
		return new Me(user.id(), DisplayName.of(user), user.email(), (project != null) ? project.name() : null,
				(project != null) ? project.role() : null, authorities);
	}

	@GetMapping("/notes")
	List<Note> notes(@AuthenticationPrincipal HitKeyUser user) {
		return this.notes.of(user.id());
	}

	@PostMapping("/notes")
	@ResponseStatus(HttpStatus.CREATED)
	Note addNote(@AuthenticationPrincipal HitKeyUser user, @RequestBody NewNote note) {
		String text = (note.text() != null) ? note.text().strip() : "";
		if (text.isEmpty() || text.length() > MAX_NOTE_LENGTH) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"A note has 1 to " + MAX_NOTE_LENGTH + " characters");
		}
		return this.notes.add(user.id(), text);
	}

}
