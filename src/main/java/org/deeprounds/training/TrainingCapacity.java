package org.deeprounds.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * How much training the installation can do now, for administrators: its nodes, the queue, and how long the last run
 * in the queue may wait, from the runs that trained lately.
 */
@Service
public class TrainingCapacity {

    /** Runs whose durations make the typical run time. */
    static final int RECENT_RUNS = 50;

    /**
     * @param liveSlots runs the live training nodes can train at once
     * @param typicalRun median time from start to end of the last {@value #RECENT_RUNS} finished runs; null before any
     * @param expectedWait how long the last queued run may wait: the runs ahead of it, spread over the live slots, at the
     *     typical run time; null when nothing waits or nothing is known yet
     * @param asOf the server's time of this reading, to tell heartbeats' ages by
     */
    public record Status(
            List<ClusterNodes.Node> nodes,
            long queued,
            int liveSlots,
            Duration typicalRun,
            Duration expectedWait,
            java.time.Instant asOf) {}

    private final ClusterNodes nodes;
    private final RunQueue queue;
    private final JdbcTemplate jdbc;

    private final java.time.Clock clock;

    TrainingCapacity(ClusterNodes nodes, RunQueue queue, JdbcTemplate jdbc, java.time.Clock clock) {
        this.clock = clock;
        this.nodes = nodes;
        this.queue = queue;
        this.jdbc = jdbc;
    }

    @PreAuthorize("hasRole('" + org.deeprounds.base.security.AppRoles.ADMIN + "')")
    public Status status() {
        var list = nodes.list();
        int slots = list.stream()
                .filter(ClusterNodes.Node::alive)
                .mapToInt(ClusterNodes.Node::slots)
                .sum();
        long queued = queue.length();
        var typical = typicalRun();
        Duration wait = null;
        if (queued > 0 && typical != null && slots > 0) {
            // The last one waits for the rounds ahead of it: ceil(queued / slots) runs' time on each slot.
            wait = typical.multipliedBy((queued + slots - 1) / slots);
        }
        return new Status(list, queued, slots, typical, wait, clock.instant());
    }

    private Duration typicalRun() {
        var millis = new ArrayList<Long>();
        jdbc.query(
                "select started_at, finished_at from training_run where status = 'COMPLETED'"
                        + " and started_at is not null and finished_at is not null order by finished_at desc"
                        + " limit " + RECENT_RUNS,
                rs -> {
                    millis.add(Duration.between(
                                    rs.getTimestamp(1).toInstant(),
                                    rs.getTimestamp(2).toInstant())
                            .toMillis());
                });
        if (millis.isEmpty()) {
            return null;
        }
        millis.sort(null);
        int n = millis.size();
        long median = n % 2 == 1 ? millis.get(n / 2) : (millis.get(n / 2 - 1) + millis.get(n / 2)) / 2;
        return Duration.ofMillis(median);
    }
}
