package org.deeprounds.training;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which queued run starts next: round-robin across trainees, not first come first served. Among trainees with a
 * queued run and nothing running, the one who last started a run longest ago (or never) goes first, with their
 * oldest queued run. So one trainee queueing three runs cannot make a classmate wait for all three.
 */
final class FairQueue {

    private FairQueue() {}

    /** A queued run: its id and owner. */
    record Waiting(long id, String owner) {}

    static Optional<Waiting> next(List<Waiting> queued, Set<String> running, Map<String, Instant> lastStarted) {
        return queued.stream()
                .filter(w -> !running.contains(w.owner()))
                .min(Comparator.<Waiting, Instant>comparing(w -> lastStarted.getOrDefault(w.owner(), Instant.EPOCH))
                        .thenComparingLong(Waiting::id));
    }

    /** 1-based position of a queued run if runs start in fair order and the running ones finish first. */
    static int position(long id, List<Waiting> queued, Map<String, Instant> lastStarted) {
        var remaining = new java.util.ArrayList<>(queued);
        var started = new java.util.HashMap<>(lastStarted);
        var busy = new java.util.HashSet<String>();
        long tick = Instant.now().toEpochMilli();
        for (int position = 1; !remaining.isEmpty(); position++) {
            var next = next(remaining, busy, started).orElse(remaining.getFirst());
            if (next.id() == id) {
                return position;
            }
            remaining.remove(next);
            started.put(next.owner(), Instant.ofEpochMilli(tick + position));
        }
        return 0;
    }
}
