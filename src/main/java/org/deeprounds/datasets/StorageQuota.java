package org.deeprounds.datasets;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Each user's storage quota over the datasets they imported ({@code deeprounds.datasets.user-quota}). Counted: the
 * dataset folders (upload, labels, split assignment, previews) as stored. Not counted: shipped samples (imported by
 * the system), administrators (they run the server and set the quota), and training runs' folders (lessons create
 * runs, runs are the record of a trainee's work and cannot be deleted, so counting them could leave a trainee stuck
 * with no way to make room).
 */
@Component
class StorageQuota {

    /** Imports by the same user are checked and stored one at a time, so two at once cannot both fit the last room. */
    private static final int LOCK_STRIPES = 64;

    private final DatasetRepository datasets;
    private final DatasetLimits limits;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    StorageQuota(DatasetRepository datasets, DatasetLimits limits) {
        this.datasets = datasets;
        this.limits = limits;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The user's usage; {@code exempt} for administrators. */
    StorageUsage usage(String username, boolean exempt) {
        long used = datasets.sumStoredBytesOfImportsBy(username);
        return StorageUsage.of(used, exempt ? null : limits.userQuota().toBytes());
    }

    /** Refuses {@code adding} bytes that would take the user past their quota, naming the sizes. */
    void check(String username, long adding) {
        var usage = usage(username, false);
        if (adding > usage.remaining()) {
            long quotaBytes = usage.quotaBytes();
            throw new StorageQuotaExceededException("This upload of "
                    + StorageUsage.comparable(adding, quotaBytes, true) + " would bring your datasets to "
                    + StorageUsage.comparable(usage.usedBytes() + adding, quotaBytes, true) + "; your quota is "
                    + StorageUsage.comparable(quotaBytes, quotaBytes, false) + " (" + usage.summary() + ")." + ADVICE);
        }
    }

    /** The refusal of an upload of undeclared size, cut off once it passed the room the user had left. */
    StorageQuotaExceededException refusal(String username) {
        var usage = usage(username, false);
        return new StorageQuotaExceededException("This upload is larger than the "
                + StorageUsage.size(usage.remaining())
                + " left of your quota of " + StorageUsage.size(usage.quotaBytes()) + " (" + usage.summary() + ")."
                + ADVICE);
    }

    private static final String ADVICE =
            " Delete datasets you no longer need, or ask an administrator for more room. Nothing was stored.";

    /** The room the user has left: a stream of unknown size is cut off once it passes this. */
    long remaining(String username) {
        return usage(username, false).remaining();
    }

    /** Runs {@code work} (the last check and the storing of an import) while no other import of the user's does. */
    <T> T exclusively(String username, Supplier<T> work) {
        var lock = locks[Math.floorMod(username.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
