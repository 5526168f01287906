package org.deeprounds.training;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.deeprounds.base.node.NodeSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The nodes of this installation as the database knows them: each one writes its row at every heartbeat, so the
 * System page lists them and a node can tell whether other training nodes are alive (to hand its runs back to them).
 */
@Component
public class ClusterNodes {

    /** Nodes silent this long are gone from the list (they stay in the history of the runs they trained). */
    static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);

    /**
     * One node as the System page shows it.
     *
     * @param alive whether it wrote its row within its lease: a node silent longer has stopped or lost touch
     */
    public record Node(
            String name,
            String role,
            String build,
            int cores,
            String gpu,
            int slots,
            int runsInHand,
            Instant startedAt,
            Instant heartbeatAt,
            boolean alive) {}

    private final JdbcTemplate jdbc;
    private final NodeSettings settings;
    private final Clock clock;
    private final Instant startedAt;

    ClusterNodes(JdbcTemplate jdbc, NodeSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** This node's heartbeat: its row, written fresh. */
    void beat(String build, int cores, String gpu, int slots, int runsInHand) {
        var now = Timestamp.from(clock.instant());
        int updated = jdbc.update(
                "update cluster_node set role = ?, build = ?, cores = ?, gpu = ?, slots = ?, runs_in_hand = ?,"
                        + " started_at = ?, heartbeat_at = ? where name = ?",
                settings.role().label(),
                build,
                cores,
                gpu,
                slots,
                runsInHand,
                Timestamp.from(startedAt),
                now,
                settings.name());
        if (updated == 0) {
            jdbc.update(
                    "insert into cluster_node (name, role, build, cores, gpu, slots, runs_in_hand, started_at,"
                            + " heartbeat_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    settings.name(),
                    settings.role().label(),
                    build,
                    cores,
                    gpu,
                    slots,
                    runsInHand,
                    Timestamp.from(startedAt),
                    now);
        }
        jdbc.update(
                "delete from cluster_node where heartbeat_at < ?",
                Timestamp.from(clock.instant().minus(FORGOTTEN_AFTER)));
    }

    /** A node stopping cleanly leaves the list at once. */
    void leave() {
        jdbc.update("delete from cluster_node where name = ?", settings.name());
    }

    /** Every node heard from in the last hour, this one first, then by name. */
    public List<Node> list() {
        var liveSince = clock.instant().minus(settings.lease());
        return jdbc
                .query(
                        "select name, role, build, cores, gpu, slots, runs_in_hand, started_at, heartbeat_at"
                                + " from cluster_node order by name",
                        (rs, i) -> {
                            var beat = rs.getTimestamp(9).toInstant();
                            return new Node(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    rs.getString(5),
                                    rs.getInt(6),
                                    rs.getInt(7),
                                    rs.getTimestamp(8).toInstant(),
                                    beat,
                                    !beat.isBefore(liveSince));
                        })
                .stream()
                .sorted(java.util.Comparator.comparing((Node n) -> !n.name().equals(settings.name())))
                .toList();
    }

    /** Whether a node other than this one that trains runs is alive: it can take over runs this one hands back. */
    boolean otherTrainerAlive() {
        return list().stream()
                .anyMatch(n -> n.alive()
                        && !n.name().equals(settings.name())
                        && !n.role().equals("web"));
    }

    /** This node's name. */
    public String self() {
        return settings.name();
    }
}
