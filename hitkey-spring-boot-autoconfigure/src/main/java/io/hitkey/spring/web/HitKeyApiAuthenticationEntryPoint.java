package io.hitkey.spring.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.hitkey.spring.autoconfigure.HitKeySignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers API requests without a signed-in user with {@code 401}, a
 * {@code WWW-Authenticate} header and a small JSON body, both naming where a browser
 * signs in.
 *
 * @author HitKey
 */
final class HitKeyApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		String signIn = HitKeySignIn.path(request.getContextPath());
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, HitKeySignIn.challenge(signIn));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(HitKeySignIn.body(signIn));
	}

}
