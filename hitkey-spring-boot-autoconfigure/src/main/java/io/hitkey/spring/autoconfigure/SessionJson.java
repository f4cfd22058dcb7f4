package io.hitkey.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.hitkey.spring.HitKeyJacksonModule;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.springframework.security.jackson.SecurityJacksonModule;
import org.springframework.security.jackson.SecurityJacksonModules;

/**
 * How the starter writes and reads session values as JSON, for every Spring Session
 * store: with Spring Security's Jackson modules, the starter's
 * {@link HitKeyJacksonModule} and the application's own {@link SecurityJacksonModule}
 * beans, each allowing its own types. A value that cannot be read (written by JDK
 * serialization before the switch to JSON, or of a type no module allows any more) is
 * dropped, so that the user signs in again instead of getting an error; the first such
 * value is logged at WARN, the others at DEBUG, never with their content.
 *
 * @author HitKey
 */
final class SessionJson {

	private static final Log logger = LogFactory.getLog(SessionJson.class);

	private final ObjectWriter writer;

	private final ObjectReader reader;

	private final AtomicBoolean warned = new AtomicBoolean();

	SessionJson(ClassLoader classLoader, List<SecurityJacksonModule> applicationModules) {
		BasicPolymorphicTypeValidator.Builder types = BasicPolymorphicTypeValidator.builder();
		List<SecurityJacksonModule> ownModules = new ArrayList<>(applicationModules);
		ownModules.add(0, new HitKeyJacksonModule());
		ownModules.forEach((module) -> module.configurePolymorphicTypeValidator(types));
		List<JacksonModule> modules = new ArrayList<>(SecurityJacksonModules.getModules(classLoader, types));
		modules.addAll(ownModules);
		JsonMapper mapper = JsonMapper.builder().addModules(modules).build();
		this.writer = mapper.writerFor(Object.class);
		this.reader = mapper.readerFor(Object.class);
	}

	/**
	 * Return the given session value as JSON, once it is known to read back: Jackson
	 * writes values of any type, but reads only those a module allows, and a value that
	 * could not be read back would be lost without a word.
	 * @param value the value
	 * @return its JSON bytes
	 * @throws IllegalArgumentException if the value's type is not allowed by any module
	 */
	byte[] write(Object value) {
		try {
			byte[] bytes = this.writer.writeValueAsBytes(value);
			this.reader.readValue(bytes);
			return bytes;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("A session value of type " + value.getClass().getName()
					+ " cannot be written as JSON: register a SecurityJacksonModule bean that allows it, or set"
					+ " hitkey.session.serialization=jdk", ex);
		}
	}

	/**
	 * Return the session value the given bytes hold, or {@code null} when they hold none
	 * that can be read.
	 * @param bytes the stored bytes, or {@code null}
	 * @return the value, or {@code null}
	 */
	@Nullable Object read(byte @Nullable [] bytes) {
		if (bytes == null || bytes.length == 0) {
			return null;
		}
		try {
			return this.reader.readValue(bytes);
		}
		catch (JacksonException ex) {
			String message = "A session value could not be read as JSON (" + ex.getClass().getSimpleName()
					+ ") and is dropped: the user signs in again. Values written before the switch to"
					+ " hitkey.session.serialization=json are dropped this way once.";
			if (this.warned.compareAndSet(false, true)) {
				logger.warn(message);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug(message);
			}
			return null;
		}
	}

}
