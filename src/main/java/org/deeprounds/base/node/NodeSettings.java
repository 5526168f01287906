package org.deeprounds.base.node;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What this process is in an installation ({@code deeprounds.node.*}; the role also from {@code DEEPROUNDS_NODE_ROLE}).
 * One jar plays every part: {@code all} (the default, one process does everything), {@code web} (pages and API, trains
 * nothing) or {@code worker} (trains runs from the shared queue; serves only {@code /actuator/health}).
 *
 * @param name how this node appears on the System page and in a run's history; blank: host name and process id
 * @param lease how long a worker's claim on a run holds without a renewal; then another worker resumes the run
 * @param heartbeat how often a node renews its claims, reads cancels and says it is alive
 * @param poll how often a training node with a free slot looks for queued runs submitted elsewhere
 */
@ConfigurationProperties("deeprounds.node")
public record NodeSettings(
        @DefaultValue("all") Role role,
        @DefaultValue("") String name,
        @DefaultValue("20s") Duration lease,
        @DefaultValue("2s") Duration heartbeat,
        @DefaultValue("1s") Duration poll) {

    /** The part a node plays. */
    public enum Role {
        ALL,
        WEB,
        WORKER;

        /** Whether nodes of this role train runs. */
        public boolean trains() {
            return this != WEB;
        }

        /** Whether nodes of this role serve pages and the API (and so seed the library at first start). */
        public boolean serves() {
            return this != WORKER;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public NodeSettings {
        if (name == null || name.isBlank()) {
            name = defaultName();
        }
        if (lease.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("deeprounds.node.lease (" + lease + ") must be at least three"
                    + " heartbeats (" + heartbeat + "), or a busy worker would lose runs it is still training");
        }
    }

    private static String defaultName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
