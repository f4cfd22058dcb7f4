package io.hitkey.spring.starter.quickstart;

// The README's Quick start, step 3, verbatim.
import io.hitkey.spring.test.FakeHitKeyConfiguration;

import org.springframework.boot.SpringApplication;

public class TestMyApplication {

    public static void main(String[] args) {
        SpringApplication.from(MyApplication::main).with(FakeHitKeyConfiguration.class).run(args);
    }

}
