package org.deeprounds.training;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What happened to a run beyond its status, one line each: on which node it started, where it resumed, when a worker
 * handed it back or stopped answering. Written inside the transaction that makes the change, so the two agree.
 */
@Component
class RunHistory {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RunHistory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(long runId, String node, String text) {
        jdbc.update(
                "insert into run_event (run_id, at, node, text) values (?, ?, ?, ?)",
                runId,
                Timestamp.from(clock.instant()),
                node,
                text.length() > 1000 ? text.substring(0, 1000) : text);
    }

    List<RunHistoryEntry> of(long runId) {
        return jdbc.query(
                "select at, node, text from run_event where run_id = ? order by id",
                (rs, i) -> new RunHistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3)),
                runId);
    }
}
