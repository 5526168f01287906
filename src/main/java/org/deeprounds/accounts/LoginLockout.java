package org.deeprounds.accounts;

import java.time.Clock;
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

    /** A wrong password (or unknown username): count it, and lock the account on the last allowed failure. */
    void failed(String attemptedUsername, String reason) {
        var username = AccountValidation.normaliseUsername(attemptedUsername);
        audit.record(AuditAction.LOGIN_FAILED, username, username, reason);
        users.findByUsername(username).ifPresent(account -> {
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

    /** A sign-in refused because the account is locked: recorded, not counted. */
    void refusedWhileLocked(String username) {
        var name = AccountValidation.normaliseUsername(username);
        audit.record(AuditAction.LOGIN_REFUSED_LOCKED, name, name, null);
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
