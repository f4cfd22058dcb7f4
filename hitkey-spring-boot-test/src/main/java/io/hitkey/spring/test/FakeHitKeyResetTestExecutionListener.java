package io.hitkey.spring.test;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * {@link FakeHitKey#reset() Resets} the {@link FakeHitKey} of
 * {@link AutoConfigureFakeHitKey @AutoConfigureFakeHitKey}, if the context has one,
 * before each test method, so that faults and counted calls don't leak between tests
 * that share a cached context.
 *
 * @author HitKey
 */
class FakeHitKeyResetTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			ApplicationContext context = testContext.getApplicationContext();
			if (context.containsBean(FakeHitKeyContextCustomizer.BEAN_NAME)) {
				context.getBean(FakeHitKeyContextCustomizer.BEAN_NAME, FakeHitKey.class).reset();
			}
		}
	}

}
