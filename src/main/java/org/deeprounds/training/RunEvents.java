package org.deeprounds.training;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells open views that a run changed (started, finished an epoch, ended), so they can push the news. Listeners are
 * called on a thread of their own: a view taking its UI lock never holds up a training worker or the queue.
 */
@Component
public class RunEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunEvents.class);

    private final Set<LongConsumer> listeners = new CopyOnWriteArraySet<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "run-events");
        thread.setDaemon(true);
        return thread;
    });

    /** Registers a listener; call the returned handle to stop listening (e.g. when a view detaches). */
    public Runnable subscribe(LongConsumer listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void changed(long runId) {
        notifier.execute(() -> listeners.forEach(listener -> {
            try {
                listener.accept(runId);
            } catch (RuntimeException e) {
                log.debug("A run listener failed (its view may be gone): {}", e.getMessage());
            }
        }));
    }

    @Override
    public void close() {
        notifier.shutdownNow();
    }
}
