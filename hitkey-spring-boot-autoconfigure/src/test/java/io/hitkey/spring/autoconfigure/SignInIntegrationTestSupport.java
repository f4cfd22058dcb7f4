package io.hitkey.spring.autoconfigure;


import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every full servlet sign-in test needs: the HitKey stand-in and browser of
 * {@link HitKeyStandInTestSupport}, and the exceptions failed sign-ins ended with.
 */
abstract class SignInIntegrationTestSupport extends HitKeyStandInTestSupport {

	@Autowired
	SignInTestApplication.SignInFailures failures;

}
