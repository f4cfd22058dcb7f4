package io.hitkey.spring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.util.StdConverter;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.util.StringUtils;

/**
 * Jackson mix-in for {@link HitKeyUser}: the claims, scopes and authorities are stored,
 * the rest is derived from the claims again when read. The scopes, and
 * plain authorities ({@link SimpleGrantedAuthority}, what the standard mapping grants),
 * are stored as their names in one string, a fifth of the bytes of Spring Security's
 * typed form; authorities of any other type keep their types, and the typed form that
 * earlier versions wrote is still read.
 *
 * @author HitKey
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
		isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(value = { "id", "project" }, ignoreUnknown = true)
abstract class HitKeyUserMixin {

	private static final String SEPARATOR = " ";

	@JsonSerialize(converter = ScopesToJson.class)
	private Collection<String> scopes;

	@JsonSerialize(converter = AuthoritiesToJson.class)
	private Collection<? extends GrantedAuthority> authorities;

	@JsonCreator
	static HitKeyUser fromClaims(@JsonProperty("attributes") Map<String, ?> claims,
			@JsonProperty("scopes") @JsonDeserialize(using = ScopesFromJson.class) Collection<String> grantedScopes,
			@JsonProperty("authorities") @JsonDeserialize(
					using = AuthoritiesFromJson.class) Collection<? extends GrantedAuthority> authorities) {
		throw new UnsupportedOperationException();
	}

	static final class ScopesToJson extends StdConverter<Collection<String>, String> {

		@Override
		public String convert(Collection<String> scopes) {
			return String.join(SEPARATOR, scopes);
		}

	}

	static final class ScopesFromJson extends NamesOrTypedList<String> {

		ScopesFromJson() {
			super(String.class);
		}

		@Override
		String fromName(String name) {
			return name;
		}

	}

	static final class AuthoritiesToJson extends StdConverter<Collection<? extends GrantedAuthority>, Object> {

		@Override
		public Object convert(Collection<? extends GrantedAuthority> authorities) {
			List<String> names = new ArrayList<>(authorities.size());
			for (GrantedAuthority authority : authorities) {
				if (authority.getClass() != SimpleGrantedAuthority.class || !StringUtils.hasText(authority.getAuthority())
						|| authority.getAuthority().contains(SEPARATOR)) {
					return new ArrayList<>(authorities);
				}
				names.add(authority.getAuthority());
			}
			return String.join(SEPARATOR, names);
		}

	}

	static final class AuthoritiesFromJson extends NamesOrTypedList<GrantedAuthority> {

		AuthoritiesFromJson() {
			super(GrantedAuthority.class);
		}

		@Override
		GrantedAuthority fromName(String name) {
			return new SimpleGrantedAuthority(name);
		}

	}

	/**
	 * Reads a list stored as one string of names, or, as Spring Security's typed form
	 * (which earlier versions wrote for every list), as a typed list.
	 */
	abstract static class NamesOrTypedList<T> extends ValueDeserializer<Collection<T>> {

		private final Class<T> elementType;

		NamesOrTypedList(Class<T> elementType) {
			this.elementType = elementType;
		}

		abstract T fromName(String name);

		@Override
		public Collection<T> deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.VALUE_STRING) {
				return Arrays.stream(StringUtils.tokenizeToStringArray(parser.getString(), SEPARATOR))
					.map(this::fromName)
					.toList();
			}
			return context.readValue(parser,
					context.getTypeFactory().constructCollectionType(ArrayList.class, this.elementType));
		}

		@Override
		public Object deserializeWithType(JsonParser parser, DeserializationContext context,
				TypeDeserializer typeDeserializer) {
			return (parser.currentToken() == JsonToken.VALUE_STRING) ? deserialize(parser, context)
					: typeDeserializer.deserializeTypedFromAny(parser, context);
		}

	}

}
