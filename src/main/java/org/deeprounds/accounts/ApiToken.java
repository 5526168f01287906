package org.deeprounds.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal API token: signs its owner's scripts in. Only the secret's SHA-256 is stored ({@link ApiTokenSecrets}). */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private UserAccount user;

    /** What the owner calls it, e.g. "grading script". */
    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "lookup_id", nullable = false, unique = true, length = 16)
    private String lookupId;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    /** Null: until revoked. */
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected ApiToken() {}

    ApiToken(UserAccount user, String name, String lookupId, String secretHash, Instant createdAt, Instant expiresAt) {
        this.user = user;
        this.name = name;
        this.lookupId = lookupId;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    Long getId() {
        return id;
    }

    UserAccount getUser() {
        return user;
    }

    String getName() {
        return name;
    }

    String getLookupId() {
        return lookupId;
    }

    String getSecretHash() {
        return secretHash;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
