package org.deeprounds.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins (password or API token) per client address, in memory only, and refuses further attempts
 * from an address that failed {@link AddressThrottlePolicy#maxFailures()} times within the window. This slows down
 * guessing across many accounts from one address, which the per-account lockout cannot see.
 *
 * <p>Nothing is stored per attempt: one small entry per address, in a table of at most {@link #MAX_ADDRESSES}
 * (the least recently seen address is forgotten first), so callers with many addresses cannot grow it. A successful
 * sign-in resets nothing: otherwise one valid account would let its holder keep guessing other accounts' passwords.
 * The address is {@code request.getRemoteAddr()}: a proxy's {@code X-Forwarded-For} counts only from the proxies
 * named in {@code server.tomcat.remoteip.internal-proxies}.
 */
@Component
class AddressThrottle {

    /** Addresses remembered at once; about 100 bytes each. */
    static final int MAX_ADDRESSES = 10_000;

    private final AddressThrottlePolicy policy;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Count> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    /** Failures counted since {@code windowStart}; refused until {@code blockedUntil} when set. */
    private record Count(Instant windowStart, int failures, Instant blockedUntil) {}

    AddressThrottle(AddressThrottlePolicy policy, AuditLog audit, Clock clock) {
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** How long sign-ins from this address are still refused; empty when they are allowed. */
    Optional<Duration> refusedFor(String address) {
        var now = clock.instant();
        Count entry;
        synchronized (entries) {
            entry = entries.get(address);
        }
        if (entry == null || entry.blockedUntil() == null || !now.isBefore(entry.blockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, entry.blockedUntil()));
    }

    /** A failed sign-in from this address; the failure that reaches the limit starts the refusal. */
    void failed(String address) {
        if (address == null) {
            return;
        }
        var now = clock.instant();
        boolean nowBlocked;
        synchronized (entries) {
            var entry = entries.get(address);
            if (entry != null && entry.blockedUntil() != null && now.isBefore(entry.blockedUntil())) {
                return; // already refused: attempts no longer reach a password check
            }
            if (entry == null || !now.isBefore(entry.windowStart().plus(policy.window()))) {
                entry = new Count(now, 0, null);
            }
            int failures = entry.failures() + 1;
            nowBlocked = failures >= policy.maxFailures();
            entries.put(
                    address,
                    nowBlocked
                            ? new Count(now, 0, now.plus(policy.block()))
                            : new Count(entry.windowStart(), failures, null));
        }
        if (nowBlocked) {
            // One entry per refusal period and address, never one per attempt.
            audit.record(
                    AuditAction.SIGN_IN_THROTTLED,
                    LoginLockout.ANONYMOUS,
                    address,
                    policy.maxFailures() + " failed sign-ins within " + minutes(policy.window())
                            + "; sign-ins from this address refused for " + minutes(policy.block()));
        }
    }

    /** Addresses currently remembered (for tests of the bound). */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static String minutes(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
