package org.deeprounds.training;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.deeprounds.base.node.NodeSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue of runs, kept in the database so every training node of an installation draws from it. A claim locks the
 * one row of {@code run_queue_lock} ({@code FOR UPDATE SKIP LOCKED}): choosing fairly (round-robin across trainees, one
 * running run each) is a decision over the whole queue, so claims from all nodes take turns, each in a transaction of
 * a few milliseconds, and a node that finds another one choosing tries again at its next poll rather than waiting. The
 * chosen run becomes RUNNING on this node with a lease in the same transaction, so it trains exactly once.
 */
@Component
class RunQueue {

    /** A run this node has claimed. */
    record Claim(long id, String owner, Instant queuedAt, boolean resumed) {}

    private final TrainingRunRepository runs;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RunHistory history;
    private final NodeSettings node;
    private final Clock clock;

    RunQueue(
            TrainingRunRepository runs,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            RunHistory history,
            NodeSettings node,
            Clock clock) {
        this.runs = runs;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.history = history;
        this.node = node;
        this.clock = clock;
    }

    /** The next run in fair order for this node, now RUNNING here; empty when none may start or another node is choosing. */
    Optional<Claim> claim() {
        return transactions.execute(status -> {
            var turn = jdbc.queryForList(
                    "select id from run_queue_lock where id = 1 for update skip locked", Integer.class);
            if (turn.isEmpty()) {
                return Optional.<Claim>empty();
            }
            var queued = runs.findByStatusOrderByIdAsc(RunStatus.QUEUED).stream()
                    .map(r -> new FairQueue.Waiting(r.getId(), r.getOwner()))
                    .toList();
            if (queued.isEmpty()) {
                return Optional.<Claim>empty();
            }
            var busyOwners = runs.findByStatusOrderByIdAsc(RunStatus.RUNNING).stream()
                    .map(TrainingRun::getOwner)
                    .collect(Collectors.toSet());
            return FairQueue.next(queued, busyOwners, lastStarted()).map(next -> {
                var run = runs.findById(next.id()).orElseThrow();
                var now = clock.instant();
                boolean resumed = run.getEpoch() > 0;
                var queuedAt = run.getQueuedAt();
                run.claim(node.name(), now);
                jdbc.update(
                        "update training_run set lease_until = ?, cancel_requested = false where id = ?",
                        java.sql.Timestamp.from(now.plus(node.lease())),
                        run.getId());
                history.record(
                        run.getId(),
                        node.name(),
                        resumed
                                ? "Went on from epoch " + (run.getEpoch() + 1) + " on " + node.name() + "."
                                : "Started on " + node.name() + ".");
                return new Claim(run.getId(), run.getOwner(), queuedAt, resumed);
            });
        });
    }

    /** When each trainee last had a run start, on any node: the round-robin's order. */
    Map<String, Instant> lastStarted() {
        var out = new HashMap<String, Instant>();
        jdbc.query(
                "select owner_username, max(started_at) from training_run where started_at is not null"
                        + " group by owner_username",
                rs -> {
                    out.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        return out;
    }

    /** How many runs wait, on every node's behalf. */
    long length() {
        return runs.countByStatus(RunStatus.QUEUED);
    }
}
