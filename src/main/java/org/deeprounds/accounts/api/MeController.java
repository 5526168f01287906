package org.deeprounds.accounts.api;

import java.util.List;
import java.util.Set;
import org.deeprounds.accounts.AccountService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the signed-in user's account and roles; and changing one's own password. */
@RestController
@RequestMapping("/api/v1")
class MeController {

    private final AccountService accounts;

    MeController(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The current user, their roles and cohorts. */
    record Me(String username, String displayName, String email, Set<String> roles, List<String> cohorts) {}

    /** A password change: the current password (a temporary one too) and the new one. */
    record PasswordChangeRequest(String currentPassword, String newPassword) {}

    @GetMapping("/me")
    Me me(Authentication authentication) {
        var own = accounts.own(authentication.getName());
        return new Me(own.username(), own.displayName(), own.email(), own.roles(), own.cohorts());
    }

    /**
     * Changes the caller's own password: 204; 400 naming what is wrong. The one call an account that must replace an
     * issued password may make; refused (403) to an API token.
     */
    @PutMapping("/me/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChangeRequest change, Authentication authentication) {
        accounts.changeOwnPassword(authentication.getName(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }
}
