package io.hitkey.spring.starter.sessions;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
	 * Return the given session's attributes, by name, as the bytes the store holds,
	 * without Spring Session's own bookkeeping (creation and access times). An attribute
	 * removed from the session may be held as no bytes.
	 */
	Map<String, byte[]> attributes(String sessionId);

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
	 * What one session takes in a store: the bytes of its attribute values, each
	 * attribute's, and the store's own figures.
	 */
	record SessionFootprint(String store, long attributeBytes, Map<String, Integer> bytesByAttribute,
			String details) {

		static SessionFootprint of(String store, Map<String, byte[]> attributes, String details) {
			Map<String, Integer> bytes = new TreeMap<>();
			attributes.forEach((name, value) -> bytes.put(name, value.length));
			return new SessionFootprint(store, bytes.values().stream().mapToLong(Integer::longValue).sum(), bytes,
					details);
		}

		@Override
		public String toString() {
			return this.store + " session: " + this.attributeBytes + " bytes of attribute values "
					+ this.bytesByAttribute + "; " + this.details;
		}

	}

}
