package io.hitkey.spring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring MVC application that signs its users in with HitKey and has an API that
 * accepts HitKey access tokens, which its pages call as the signed-in user. Without
 * HitKey credentials it runs against a fake HitKey started in-process (demo mode).
 *
 * @author HitKey
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
