package org.deeprounds.training;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Brings news of runs trained on other nodes to the views open on this one: every row update of a run bumps its
 * version, so comparing the versions of the active runs once a second tells which ones to redraw (progress, loss
 * chart, "Inside the network"). A run trained here announces itself directly and is skipped.
 */
@Component
class RemoteRunChanges {

    /** Finished runs are watched this long after they end, so the last change reaches every view. */
    private static final Duration AFTERGLOW = Duration.ofMinutes(1);

    private final TrainingRunRepository runs;
    private final RunEvents events;
    private final Clock clock;
    private final Map<Long, Long> seen = new HashMap<>();

    RemoteRunChanges(TrainingRunRepository runs, RunEvents events, Clock clock) {
        this.runs = runs;
        this.events = events;
        this.clock = clock;
    }

    /** Announces every active run whose row changed since the last look, except those in {@code trainedHere}. */
    synchronized void look(java.util.Set<Long> trainedHere) {
        var now = new HashMap<Long, Long>();
        for (Object[] row : runs.findActiveVersions(clock.instant().minus(AFTERGLOW))) {
            long id = ((Number) row[0]).longValue();
            long version = ((Number) row[1]).longValue();
            now.put(id, version);
            var before = seen.get(id);
            if (before != null && before != version && !trainedHere.contains(id)) {
                events.changed(id);
            }
        }
        seen.clear();
        seen.putAll(now);
    }
}
