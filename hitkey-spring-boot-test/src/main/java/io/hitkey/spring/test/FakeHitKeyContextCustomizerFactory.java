package io.hitkey.spring.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Adds a {@link FakeHitKey} to the context of tests annotated with
 * {@link AutoConfigureFakeHitKey @AutoConfigureFakeHitKey}.
 *
 * @author HitKey
 */
class FakeHitKeyContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureFakeHitKey annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureFakeHitKey.class);
		return (annotation != null) ? new FakeHitKeyContextCustomizer(annotation.autoApprove()) : null;
	}

}
