package io.hitkey.spring.autoconfigure;

import java.io.IOException;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.MultiValueMap;

/**
 * Writes the parameters of a token request as a flat JSON object, the only body HitKey's
 * token endpoint accepts. Spring Security's token clients always hand over a
 * {@link MultiValueMap}; a general JSON converter would write each value as an array.
 *
 * @author HitKey
 */
final class JsonTokenRequestHttpMessageConverter extends AbstractHttpMessageConverter<MultiValueMap<String, String>> {

	JsonTokenRequestHttpMessageConverter() {
		super(MediaType.APPLICATION_JSON);
	}

	@Override
	protected boolean supports(Class<?> type) {
		return MultiValueMap.class.isAssignableFrom(type);
	}

	@Override
	protected boolean canRead(MediaType mediaType) {
		return false;
	}

	@Override
	protected MultiValueMap<String, String> readInternal(Class<? extends MultiValueMap<String, String>> type,
			HttpInputMessage inputMessage) {
		throw new HttpMessageNotReadableException("Token request parameters are written only", inputMessage);
	}

	@Override
	protected void writeInternal(MultiValueMap<String, String> parameters, HttpOutputMessage outputMessage)
			throws IOException {
		JsonMapper.shared().writeValue(outputMessage.getBody(), parameters.toSingleValueMap());
	}

}
