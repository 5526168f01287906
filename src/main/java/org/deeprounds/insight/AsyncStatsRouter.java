package org.deeprounds.insight;

import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.core.storage.Persistable;
import org.deeplearning4j.core.storage.StatsStorageRouter;
import org.deeplearning4j.core.storage.StorageMetaData;

/**
 * Writes a training session's statistics on a thread of its own, in order. DL4J's file store commits (and syncs to
 * disk) every report, about 2–13 ms each: on the training thread, a report per iteration would slow a small network
 * by a third. At most {@value #MAX_PENDING} reports wait; beyond that training waits for the disk rather than losing
 * iterations.
 */
final class AsyncStatsRouter implements StatsStorageRouter, AutoCloseable {

    static final int MAX_PENDING = 2_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AsyncStatsRouter.class);

    private final StatsStorageRouter target;
    private final ExecutorService writer;
    private final Semaphore room = new Semaphore(MAX_PENDING);

    AsyncStatsRouter(StatsStorageRouter target, String name) {
        this.target = target;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            var thread = new Thread(r, "stats-writer-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private void later(Runnable write) {
        room.acquireUninterruptibly();
        writer.execute(() -> {
            try {
                write.run();
            } catch (RuntimeException e) {
                log.warn("A statistics report was not written: {}", e.toString());
            } finally {
                room.release();
            }
        });
    }

    @Override
    public void putStorageMetaData(StorageMetaData meta) {
        later(() -> target.putStorageMetaData(meta));
    }

    @Override
    public void putStorageMetaData(Collection<? extends StorageMetaData> meta) {
        later(() -> target.putStorageMetaData(meta));
    }

    @Override
    public void putStaticInfo(Persistable info) {
        later(() -> target.putStaticInfo(info));
    }

    @Override
    public void putStaticInfo(Collection<? extends Persistable> info) {
        later(() -> target.putStaticInfo(info));
    }

    @Override
    public void putUpdate(Persistable update) {
        later(() -> target.putUpdate(update));
    }

    @Override
    public void putUpdate(Collection<? extends Persistable> updates) {
        later(() -> target.putUpdate(updates));
    }

    /** Waits (up to two minutes) until every report is written, then stops the thread. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(2, TimeUnit.MINUTES)) {
                log.warn("Statistics still being written after two minutes; the rest is dropped.");
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
