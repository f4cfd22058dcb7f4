package io.hitkey.spring;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.springframework.security.core.GrantedAuthority;

/**
 * Jackson mix-in for {@link HitKeyUser}: the claims, scopes and authorities are stored,
 * the rest is derived from the claims again when read.
 *
 * @author HitKey
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
		isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(value = { "id", "project" }, ignoreUnknown = true)
abstract class HitKeyUserMixin {

	@JsonCreator
	static HitKeyUser fromClaims(@JsonProperty("attributes") Map<String, ?> claims,
			@JsonProperty("scopes") Collection<String> grantedScopes,
			@JsonProperty("authorities") Collection<? extends GrantedAuthority> authorities) {
		throw new UnsupportedOperationException();
	}

}
