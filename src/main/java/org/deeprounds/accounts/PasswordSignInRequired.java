package org.deeprounds.accounts;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What an API token may never do: create tokens, revoke them, change the password. A leaked token must not be able to
 * outlive its revocation or take the account over, so these need a sign-in with the password (browser or HTTP Basic).
 */
final class PasswordSignInRequired extends AccessDeniedException {

    private PasswordSignInRequired(String action) {
        super(action + " needs a sign-in with your password (in the browser, or HTTP Basic); an API token cannot"
                + " do it.");
    }

    /** Throws (403 through the API) when the current request is signed in with an API token. */
    static void check(String action) {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof ApiTokenAuthentication) {
            throw new PasswordSignInRequired(action);
        }
    }
}
