package io.hitkey.spring.starter.bearer;

import org.springframework.boot.WebApplicationType;

class ReactiveApiCallMetricsTests extends ApiCallMetricsTests {

	ReactiveApiCallMetricsTests() {
		super(WebApplicationType.REACTIVE);
	}

}
