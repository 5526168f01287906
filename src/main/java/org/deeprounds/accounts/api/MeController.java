package org.deeprounds.accounts.api;

import java.util.List;
import java.util.Set;
import org.deeprounds.accounts.AccountService;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the signed-in user's account and roles. */
@RestController
@RequestMapping("/api/v1")
class MeController {

    private final AccountService accounts;

    MeController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The current user, their roles and cohorts. */
    record Me(String username, String displayName, String email, Set<String> roles, List<String> cohorts) {}

    @GetMapping("/me")
    Me me(Authentication authentication) {
        var own = accounts.own(authentication.getName());
        return new Me(own.username(), own.displayName(), own.email(), own.roles(), own.cohorts());
    }
}
