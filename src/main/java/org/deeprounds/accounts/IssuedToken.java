package org.deeprounds.accounts;

import java.time.Instant;

/** A new personal API token with its secret, shown once to its owner; only a hash of the secret is stored. */
public record IssuedToken(long id, String name, String token, Instant createdAt, Instant expiresAt) {}
