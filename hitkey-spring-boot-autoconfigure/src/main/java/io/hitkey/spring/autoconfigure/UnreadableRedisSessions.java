package io.hitkey.spring.autoconfigure;

import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.session.MapSession;
import org.springframework.session.data.redis.RedisSessionMapper;

/**
 * Spring Session's Redis session mappers, but a session whose bookkeeping cannot be read
 * (its creation or access time dropped by {@link SessionJson}, as after a switch from
 * JDK serialization to JSON) is no session: Spring Session deletes it and the browser
 * gets a new one, where Spring Session's own mapper would throw an
 * {@link IllegalStateException}, an error 500, on every request of that browser.
 *
 * @author HitKey
 */
final class UnreadableRedisSessions {

	private UnreadableRedisSessions() {
	}

	static BiFunction<String, Map<String, Object>, @Nullable MapSession> dropped() {
		RedisSessionMapper mapper = new RedisSessionMapper();
		return (id, entries) -> {
			try {
				return mapper.apply(id, entries);
			}
			catch (IllegalStateException | IllegalArgumentException | ClassCastException ex) {
				return null;
			}
		};
	}

	static BiFunction<String, Map<String, Object>, Mono<MapSession>> droppedReactively() {
		BiFunction<String, Map<String, Object>, @Nullable MapSession> dropped = dropped();
		return (id, entries) -> Mono.justOrEmpty(dropped.apply(id, entries));
	}

}
