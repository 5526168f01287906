package org.deeprounds.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Counts failed sign-ins per account and locks the account when the {@link LockoutPolicy} says so. */
@Service
@Transactional
class LoginLockout {

    private final UserAccountRepository users;
    private final LoginFailureRepository failures;
    private final LockoutPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    /** How often failed sign-ins that anyone can cause (unknown names, locked accounts) reach the audit log at most. */
    static final Duration ANONYMOUS_AUDIT_INTERVAL = Duration.ofMinutes(1);

    static final String ANONYMOUS = "anonymous";
    static final String UNKNOWN_USERNAMES = "(unknown usernames)";

    private final Map<String, Instant> lockedRefusalRecordedAt = new ConcurrentHashMap<>();
    private Instant unknownRecordedAt;
    private long unknownFailures;

    LoginLockout(
            UserAccountRepository users,
            LoginFailureRepository failures,
            LockoutPolicy policy,
            AuditLog audit,
            Clock clock) {
        this.users = users;
        this.failures = failures;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A wrong password: count it, and lock the account on the last allowed failure. A name that is no account is not
     * stored (it may be a mistyped password, and anyone can send millions): such failures are counted and written as
     * one audit entry per {@link #ANONYMOUS_AUDIT_INTERVAL} at most.
     */
    void failed(String attemptedUsername, String reason) {
        var username = AccountValidation.normaliseUsername(attemptedUsername);
        var known = users.findByUsername(username);
        if (known.isEmpty()) {
            unknownUsernameFailed();
            return;
        }
        if (known.get().isLockedAt(clock.instant())) {
            // The password is checked before the lock (so a locked account answers no faster than a wrong password);
            // a wrong one on a locked account is a refusal while locked, not one more failure to store.
            refusedWhileLocked(username);
            return;
        }
        audit.record(AuditAction.LOGIN_FAILED, username, username, reason);
        known.ifPresent(account -> {
            var now = clock.instant();
            failures.save(new LoginFailure(account.getId(), now));
            long recent = failures.countByUserIdAndOccurredAtAfter(account.getId(), now.minus(policy.window()));
            if (recent >= policy.maxFailures() && !account.isLockedAt(now)) {
                account.setLockedUntil(now.plus(policy.duration()));
                failures.deleteByUserId(account.getId());
                audit.record(
                        AuditAction.LOCKOUT,
                        AuditLog.SYSTEM,
                        username,
                        recent + " failed sign-ins within " + policy.window().toMinutes() + " min; locked for "
                                + policy.duration().toMinutes() + " min");
            }
        });
    }

    private synchronized void unknownUsernameFailed() {
        unknownFailures++;
        var now = clock.instant();
        if (unknownRecordedAt == null || !now.isBefore(unknownRecordedAt.plus(ANONYMOUS_AUDIT_INTERVAL))) {
            audit.record(
                    AuditAction.LOGIN_FAILED,
                    ANONYMOUS,
                    UNKNOWN_USERNAMES,
                    unknownFailures + " failed sign-in(s) with a username that is no account"
                            + (unknownRecordedAt == null ? "" : " since " + unknownRecordedAt)
                            + "; the names are not stored");
            unknownRecordedAt = now;
            unknownFailures = 0;
        }
    }

    /**
     * A sign-in refused because the account is locked: not counted, and recorded once per
     * {@link #ANONYMOUS_AUDIT_INTERVAL} per account at most (anyone can keep knocking).
     */
    void refusedWhileLocked(String username) {
        var name = AccountValidation.normaliseUsername(username);
        if (users.findByUsername(name).isEmpty()) {
            unknownUsernameFailed();
            return;
        }
        var now = clock.instant();
        var last = lockedRefusalRecordedAt.get(name);
        if (last == null || !now.isBefore(last.plus(ANONYMOUS_AUDIT_INTERVAL))) {
            lockedRefusalRecordedAt.put(name, now);
            audit.record(AuditAction.LOGIN_REFUSED_LOCKED, name, name, null);
        }
    }

    /** A correct password ends the run of failures. */
    void succeeded(String username) {
        users.findByUsername(username).ifPresent(account -> failures.deleteByUserId(account.getId()));
    }

    /** An interactive (browser) sign-in, for the audit log. */
    void signedIn(String username) {
        audit.record(AuditAction.LOGIN, username, username, null);
    }

    void signedOut(String username) {
        audit.record(AuditAction.LOGOUT, username, username, null);
    }
}
