package io.hitkey.spring.starter.failures;

import org.springframework.context.annotation.Import;

/**
 * HitKey's API refusing connections, in a chain with a plain {@code oauth2Login()}.
 */
@Import(ApplicationChains.PlainLogin.class)
class PlainLoginChainHitKeyUnreachableTests extends HitKeyUnreachableTests {

	@Override
	boolean logsFailures() {
		return false;
	}

}
