package io.hitkey.spring.autoconfigure;

import java.util.List;
import java.util.Map;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.FormHttpMessageWriter;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.util.MultiValueMap;

/**
 * Writes the parameters of a token request as the flat JSON object HitKey's token
 * endpoint takes. Spring Security's reactive token clients always insert their
 * parameters as form data ({@code BodyInserters.fromFormData}), which asks the codecs
 * for a form writer; registered ahead of the default one, this writer answers and writes
 * JSON whenever the request's headers already ask for it (see
 * {@code HitKeyTokenRequestHeadersConverter}). Any other form is written as a form.
 *
 * @author HitKey
 */
final class JsonTokenRequestWriter implements HttpMessageWriter<MultiValueMap<String, String>> {

	private final FormHttpMessageWriter formWriter = new FormHttpMessageWriter();

	@Override
	public List<MediaType> getWritableMediaTypes() {
		return this.formWriter.getWritableMediaTypes();
	}

	@Override
	public boolean canWrite(ResolvableType elementType, MediaType mediaType) {
		return this.formWriter.canWrite(elementType, mediaType);
	}

	@Override
	public Mono<Void> write(Publisher<? extends MultiValueMap<String, String>> inputStream,
			ResolvableType elementType, MediaType mediaType, ReactiveHttpOutputMessage message,
			Map<String, Object> hints) {
		if (!MediaType.APPLICATION_JSON.isCompatibleWith(message.getHeaders().getContentType())) {
			return this.formWriter.write(inputStream, elementType, mediaType, message, hints);
		}
		return Mono.from(inputStream).flatMap((parameters) -> {
			byte[] json = JsonMapper.shared().writeValueAsBytes(parameters.toSingleValueMap());
			message.getHeaders().setContentLength(json.length);
			DataBuffer body = message.bufferFactory().wrap(json);
			return message.writeWith(Mono.just(body));
		});
	}

}
