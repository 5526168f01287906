package org.deeprounds.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: each user creates, lists and revokes their own (never another's). A token signs scripts in as
 * its owner with the owner's current roles; it stops working when revoked, expired, or when the account is disabled
 * or locked, and goes with the account when the account is deleted. Creating and revoking need a sign-in with the
 * password ({@link PasswordSignInRequired}) and are audited.
 */
@Service
public class ApiTokenService {

    /** Most tokens one account may hold; tokens are for a few scripts, not one per call. */
    public static final int MAX_TOKENS_PER_ACCOUNT = 20;

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_DAYS = 3650;

    /** "Last used" is kept to the minute: a busy script writes at most once a minute, not on every call. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final String OWN = "#username == authentication.name";

    private final ApiTokenRepository tokens;
    private final UserAccountRepository users;
    private final AuditLog audit;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, UserAccountRepository users, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The user's tokens, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(OWN)
    public List<ApiTokenSummary> list(String username) {
        var now = clock.instant();
        return tokens.findOwnedBy(username).stream()
                .map(t -> ApiTokenSummary.of(t, now))
                .toList();
    }

    /**
     * Creates a token for the user; the returned secret is shown once and never stored.
     *
     * @param expiresInDays days until it stops working, 1 to {@link #MAX_DAYS}; null: until revoked
     */
    @Transactional
    @PreAuthorize(OWN)
    public IssuedToken create(String username, String name, Integer expiresInDays) {
        PasswordSignInRequired.check("Creating an API token");
        var cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            throw new IllegalArgumentException("Name: give the token a name, e.g. the script that will use it.");
        }
        if (cleanName.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "Name: use at most " + MAX_NAME_LENGTH + " characters (this one has " + cleanName.length() + ").");
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
            throw new IllegalArgumentException("expiresInDays: give a number of days from 1 to " + MAX_DAYS
                    + ", or leave it out for a token that works until revoked (got " + expiresInDays + ").");
        }
        if (tokens.countOwnedBy(username) >= MAX_TOKENS_PER_ACCOUNT) {
            throw new IllegalArgumentException("You have " + MAX_TOKENS_PER_ACCOUNT
                    + " API tokens, the most an account may hold: revoke one you no longer use first.");
        }
        var owner = users.findByUsername(username)
                .orElseThrow(() -> new NoSuchElementException("No account '" + username + "'"));
        var now = clock.instant();
        var expiresAt = expiresInDays == null ? null : now.plus(Duration.ofDays(expiresInDays));
        var lookupId = ApiTokenSecrets.newLookupId();
        var secret = ApiTokenSecrets.newSecret();
        var token = tokens.save(new ApiToken(owner, cleanName, lookupId, ApiTokenSecrets.hash(secret), now, expiresAt));
        audit.record(
                AuditAction.API_TOKEN_CREATED,
                username,
                username,
                "'" + cleanName + "' (" + ApiTokenSecrets.PREFIX + lookupId + "), "
                        + (expiresAt == null ? "no expiry" : "expires " + expiresAt));
        return new IssuedToken(token.getId(), cleanName, ApiTokenSecrets.token(lookupId, secret), now, expiresAt);
    }

    /** Revokes one of the user's tokens: it stops working at once. Another user's token is "not found". */
    @Transactional
    @PreAuthorize(OWN)
    public void revoke(String username, long id) {
        PasswordSignInRequired.check("Revoking an API token");
        var token = tokens.findOwned(id, username)
                .orElseThrow(() -> new NoSuchElementException("No API token with id " + id + " among yours"));
        tokens.delete(token);
        audit.record(
                AuditAction.API_TOKEN_REVOKED,
                username,
                username,
                "'" + token.getName() + "' (" + ApiTokenSecrets.PREFIX + token.getLookupId() + ")");
    }

    /**
     * The sign-in of a presented token: its owner with the owner's current roles; empty when the token is unknown,
     * revoked, expired or wrong, or the account is disabled or locked. One indexed query by lookup id; the secret's
     * hash is compared in constant time.
     */
    @Transactional
    Optional<ApiTokenAuthentication> authenticate(String presented, Object details) {
        var parts = ApiTokenSecrets.parse(presented);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        var found = tokens.findForSignIn(parts.get().lookupId());
        if (found.isEmpty()) {
            // Hash anyway, so an unknown lookup id costs the same time as a wrong secret.
            ApiTokenSecrets.hash(parts.get().secret());
            return Optional.empty();
        }
        var token = found.get();
        var owner = token.getUser();
        var now = clock.instant();
        if (!ApiTokenSecrets.matches(parts.get().secret(), token.getSecretHash())
                || token.isExpiredAt(now)
                || !owner.isEnabled()
                || owner.isLockedAt(now)) {
            return Optional.empty();
        }
        if (token.getLastUsedAt() == null || token.getLastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            tokens.markUsed(token.getId(), now, now.minus(LAST_USED_RESOLUTION));
        }
        return Optional.of(new ApiTokenAuthentication(
                owner.getUsername(), token.getId(), AccountUserDetailsService.authorities(owner), details));
    }
}
