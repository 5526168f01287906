package org.deeprounds.accounts;

import java.time.Instant;

/**
 * A personal API token as its owner sees it: never the secret, only the start of the token to recognise it by.
 *
 * @param prefix the token's first characters ({@code drt_} and its lookup id), as they appear in a script
 */
public record ApiTokenSummary(
        long id,
        String name,
        String prefix,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        boolean expired) {

    static ApiTokenSummary of(ApiToken token, Instant now) {
        return new ApiTokenSummary(
                token.getId(),
                token.getName(),
                ApiTokenSecrets.PREFIX + token.getLookupId(),
                token.getCreatedAt(),
                token.getLastUsedAt(),
                token.getExpiresAt(),
                token.isExpiredAt(now));
    }
}
