package io.hitkey.spring.starter.quickstart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The README's Quick start: an application with nothing but the starter, Spring MVC and
 * the controller of step 2 ({@link MeController}, verbatim), named as step 3 names it.
 */
@SpringBootApplication
public class MyApplication {

	public static void main(String[] args) {
		SpringApplication.run(MyApplication.class, args);
	}

}
