package io.hitkey.spring.web;

import io.hitkey.spring.autoconfigure.HitKeySignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers API requests without a signed-in user with {@code 401} and a
 * {@code WWW-Authenticate} header that names where a browser signs in.
 *
 * @author HitKey
 */
final class HitKeyApiAuthenticationEntryPoint implements AuthenticationEntryPoint {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, HitKeySignIn.CHALLENGE);
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
	}

}
