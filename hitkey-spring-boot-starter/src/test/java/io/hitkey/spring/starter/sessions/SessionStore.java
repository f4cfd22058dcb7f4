package io.hitkey.spring.starter.sessions;

import java.util.List;
import java.util.Map;

/**
 * A real session store that application instances share, as the tests see it: the
 * properties that point Spring Boot at it, and what it holds, read raw.
 */
interface SessionStore extends AutoCloseable {

	/**
	 * Return the Spring Boot properties that make an application keep its sessions here.
	 */
	Map<String, String> applicationProperties();

	/**
	 * Return everything the store holds, keys and values, as the bytes it stores.
	 */
	List<StoredValue> everything();

	/**
	 * Return what the given session takes in the store.
	 */
	SessionFootprint footprint(String sessionId);

	@Override
	void close();

	/**
	 * Some bytes the store holds, and where.
	 */
	record StoredValue(String where, byte[] bytes) {
	}

	/**
	 * What one session takes in a store: the bytes of its attribute values, and the
	 * store's own figures.
	 */
	record SessionFootprint(String store, long attributeBytes, String details) {

		@Override
		public String toString() {
			return this.store + " session: " + this.attributeBytes + " bytes of attribute values; " + this.details;
		}

	}

}
