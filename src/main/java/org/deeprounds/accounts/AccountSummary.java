package org.deeprounds.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What views and the API show of an account. Never carries the password hash. {@code passwordChangeRequired}: the
 * account still has a password issued by someone else, to be replaced at its next sign-in.
 */
public record AccountSummary(
        Long id,
        String username,
        String displayName,
        String email,
        Set<String> roles,
        boolean enabled,
        Instant lockedUntil,
        boolean locked,
        Instant createdAt,
        List<String> cohorts,
        boolean passwordChangeRequired) {

    static AccountSummary of(UserAccount account, Instant now, List<String> cohorts) {
        return new AccountSummary(
                account.getId(),
                account.getUsername(),
                account.getDisplayName(),
                account.getEmail(),
                Set.copyOf(account.getRoles()),
                account.isEnabled(),
                account.getLockedUntil(),
                account.isLockedAt(now),
                account.getCreatedAt(),
                cohorts,
                account.isPasswordChangeRequired());
    }
}
