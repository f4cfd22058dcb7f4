package io.hitkey.spring.starter.failures;

import org.springframework.context.annotation.Import;

/**
 * HitKey's API refusing connections, in the README's chain.
 */
@Import(ApplicationChains.Readme.class)
class ReadmeChainHitKeyUnreachableTests extends HitKeyUnreachableTests {

	@Override
	String failureUrl() {
		return "/login-error";
	}

}
