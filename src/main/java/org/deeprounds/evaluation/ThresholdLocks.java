package org.deeprounds.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.training.RunService;
import org.deeprounds.training.RunStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The discipline of a diagnostic-accuracy study: a run's threshold is chosen on the validation split and locked
 * before its test split is read. Showing the test figures without a lock is recorded, so a later lock says it was
 * chosen after seeing them. Same access rules as the run; only its owner locks.
 */
@Service
public class ThresholdLocks {

    /** A locked threshold: where it was chosen ({@code validation} or {@code test}), by whom, when, and why. */
    public record Locked(double threshold, String chosenOn, Instant lockedAt, String lockedBy, String justification) {

        public boolean chosenOnValidation() {
            return "validation".equals(chosenOn);
        }
    }

    private final ThresholdLockRepository locks;
    private final RunService runs;
    private final AuditLog audit;
    private final Clock clock;

    ThresholdLocks(ThresholdLockRepository locks, RunService runs, AuditLog audit, Clock clock) {
        this.locks = locks;
        this.runs = runs;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the signed-in user owns the run, and so chooses and locks its threshold. */
    @PreAuthorize("isAuthenticated()")
    public boolean mayLock(long runId) {
        var caller = SecurityContextHolder.getContext().getAuthentication().getName();
        return runs.get(runId).owner().equals(caller);
    }

    /** Whether the run's test figures were shown to its owner before any lock. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean testShown(long runId) {
        runs.get(runId);
        return locks.findById(runId).map(l -> l.testOpenedAt() != null).orElse(false);
    }

    /** The run's locked threshold, if it has one. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Locked> of(long runId) {
        runs.get(runId);
        return locks.findById(runId).filter(l -> l.threshold() != null).map(ThresholdLocks::locked);
    }

    /**
     * Notes that the run's test figures are being shown to its owner; before any lock, this makes a later lock
     * "test". An instructor or administrator looking does not touch the owner's choice.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void testOpened(long runId) {
        var caller = SecurityContextHolder.getContext().getAuthentication().getName();
        if (!runs.get(runId).owner().equals(caller)) {
            return;
        }
        var lock = locks.findById(runId).orElseGet(() -> new ThresholdLock(runId));
        if (lock.threshold() == null) {
            lock.testOpened(clock.instant());
            locks.save(lock);
        }
    }

    /**
     * Locks {@code threshold} for the caller's own completed run, with their reasons (optional). Locking again is
     * allowed, and recorded as chosen on the test split: the first lock showed the test figures.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Locked lock(long runId, double threshold, String justification) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, not " + threshold);
        }
        var run = runs.get(runId);
        var caller = SecurityContextHolder.getContext().getAuthentication().getName();
        if (!run.owner().equals(caller)) {
            throw new AccessDeniedException("Only the run's owner, " + run.owner() + ", locks its threshold.");
        }
        if (run.status() != RunStatus.COMPLETED) {
            throw new IllegalStateException(
                    "Run " + runId + " is " + run.status() + "; a threshold is locked for a completed run.");
        }
        if (justification != null && justification.length() > 10_000) {
            throw new IllegalArgumentException("justification: at most 10,000 characters");
        }
        var lock = locks.findById(runId).orElseGet(() -> new ThresholdLock(runId));
        lock.lock(
                threshold,
                caller,
                justification == null || justification.isBlank() ? null : justification.strip(),
                clock.instant());
        locks.save(lock);
        audit.record(
                AuditAction.THRESHOLD_LOCKED,
                caller,
                "run " + runId,
                "threshold " + threshold + " chosen on the " + lock.chosenOn() + " split");
        return locked(lock);
    }

    private static Locked locked(ThresholdLock lock) {
        return new Locked(lock.threshold(), lock.chosenOn(), lock.lockedAt(), lock.lockedBy(), lock.justification());
    }
}
