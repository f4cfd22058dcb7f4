package io.hitkey.spring.starter.quickstart;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The README's Quick start: an application with nothing but the starter, Spring MVC and
 * the controller of step 2 ({@link MeController}, verbatim).
 */
@SpringBootApplication
public class QuickStartApplication {

}
