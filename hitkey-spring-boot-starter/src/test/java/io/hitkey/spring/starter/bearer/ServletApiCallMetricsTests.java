package io.hitkey.spring.starter.bearer;

import org.springframework.boot.WebApplicationType;

class ServletApiCallMetricsTests extends ApiCallMetricsTests {

	ServletApiCallMetricsTests() {
		super(WebApplicationType.SERVLET);
	}

}
