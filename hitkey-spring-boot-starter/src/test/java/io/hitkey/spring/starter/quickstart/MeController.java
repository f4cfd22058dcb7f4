package io.hitkey.spring.starter.quickstart;

// The README's Quick start, step 2, verbatim.
import io.hitkey.spring.HitKeyUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    @GetMapping("/me")
    String me(@AuthenticationPrincipal HitKeyUser user) {
        return "Hello " + user.displayName() + " (" + user.id() + ")";
    }

}
