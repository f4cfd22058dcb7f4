package io.hitkey.spring.sample;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.hitkey.spring.sample.SampleApi.Note;

import org.springframework.stereotype.Component;

/**
 * The API's notes, in memory and keyed by the user's HitKey id ({@code sub}), never by
 * email: the newest {@value #KEPT} of each user, gone when the sample stops.
 *
 * @author HitKey
 */
@Component
class Notes {

	static final int KEPT = 20;

	private final Map<UUID, Deque<Note>> notes = new ConcurrentHashMap<>();

	private final Clock clock = Clock.systemUTC();

	List<Note> of(UUID sub) {
		Deque<Note> notes = this.notes.get(sub);
		if (notes == null) {
			return List.of();
		}
		synchronized (notes) {
			return List.copyOf(notes);
		}
	}

	Note add(UUID sub, String text) {
		Note note = new Note(text, this.clock.instant());
		Deque<Note> notes = this.notes.computeIfAbsent(sub, (key) -> new ArrayDeque<>());
		synchronized (notes) {
			notes.addFirst(note);
			if (notes.size() > KEPT) {
				notes.removeLast();
			}
		}
		return note;
	}

}
