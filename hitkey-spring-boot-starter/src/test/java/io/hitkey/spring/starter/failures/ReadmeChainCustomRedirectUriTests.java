package io.hitkey.spring.starter.failures;

import org.springframework.context.annotation.Import;

/**
 * A redirect URI at a path of the application's choosing, in the README's chain: the
 * chain applies {@code HitKeyLoginConfigurer}, which processes HitKey's callback there.
 */
@Import(ApplicationChains.Readme.class)
class ReadmeChainCustomRedirectUriTests extends CustomRedirectUriTests {

	@Override
	String failureUrl() {
		return "/login-error";
	}

}
