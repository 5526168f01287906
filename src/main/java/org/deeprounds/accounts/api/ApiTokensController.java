package org.deeprounds.accounts.api;

import java.util.List;
import org.deeprounds.accounts.ApiTokenService;
import org.deeprounds.accounts.ApiTokenSummary;
import org.deeprounds.accounts.IssuedToken;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's personal API tokens. Listing works with any sign-in; creating and revoking need the password (browser
 * session or HTTP Basic), never a token: 403 otherwise.
 */
@RestController
@RequestMapping("/api/v1/me/tokens")
class ApiTokensController {

    private final ApiTokenService tokens;

    ApiTokensController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    /** A new token: a name, and optionally how many days it works (1 to 3650; left out: until revoked). */
    record NewToken(String name, Integer expiresInDays) {}

    @GetMapping
    List<ApiTokenSummary> list(Authentication authentication) {
        return tokens.list(authentication.getName());
    }

    /** 201 with the token, shown only in this answer. */
    @PostMapping
    ResponseEntity<IssuedToken> create(@RequestBody NewToken request, Authentication authentication) {
        var issued = tokens.create(authentication.getName(), request.name(), request.expiresInDays());
        return ResponseEntity.status(HttpStatus.CREATED).body(issued);
    }

    /** 204; 404 for an id that is not one of the caller's tokens. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication authentication) {
        tokens.revoke(authentication.getName(), id);
        return ResponseEntity.noContent().build();
    }
}
