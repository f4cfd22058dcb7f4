package io.hitkey.spring.starter.sessions;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How instances write session values to the store: what to set for it, how to tell its
 * bytes, and how many bytes a signed-in session's attributes may take (the limits of
 * {@code SessionSizeTests}, there per attribute as the application writes it, here as
 * the store holds it).
 */
enum SessionSerialization {

	/**
	 * Spring Session's default: nothing set.
	 */
	JDK(Map.of(), 2850) {

		@Override
		boolean wrote(byte[] bytes) {
			return bytes.length > 4 && (bytes[0] & 0xFF) == 0xAC && (bytes[1] & 0xFF) == 0xED && bytes[2] == 0
					&& bytes[3] == 5;
		}

		@Override
		boolean wroteAnObject(byte[] bytes) {
			// TC_OBJECT right after the stream header.
			return wrote(bytes) && bytes[4] == 0x73;
		}

	},

	/**
	 * {@code hitkey.session.serialization=json}.
	 */
	JSON(Map.of("hitkey.session.serialization", "json"), 1750) {

		@Override
		boolean wrote(byte[] bytes) {
			try {
				JsonMapper.shared().readTree(bytes);
				return true;
			}
			catch (JacksonException ex) {
				return false;
			}
		}

		@Override
		boolean wroteAnObject(byte[] bytes) {
			return bytes.length > 0 && bytes[0] == '{' && wrote(bytes)
					&& JsonMapper.shared().readTree(bytes).isObject();
		}

	};

	private final Map<String, String> properties;

	private final int maxSignedInBytes;

	SessionSerialization(Map<String, String> properties, int maxSignedInBytes) {
		this.properties = properties;
		this.maxSignedInBytes = maxSignedInBytes;
	}

	/**
	 * Return the properties that make an application write session values this way.
	 */
	Map<String, String> properties() {
		return this.properties;
	}

	/**
	 * Return how many bytes the attribute values of a signed-in session may take in the
	 * store, Spring Session's own bookkeeping aside.
	 */
	int maxSignedInBytes() {
		return this.maxSignedInBytes;
	}

	/**
	 * Return whether the given stored bytes were written this way.
	 */
	abstract boolean wrote(byte[] bytes);

	/**
	 * Return whether the given stored bytes are an object (not a string, a number or a
	 * list) written this way.
	 */
	abstract boolean wroteAnObject(byte[] bytes);

}
