package org.deeprounds.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Layer statistics and DL4J's training UI ({@code deeprounds.insight.*}).
 *
 * @param uiPort the loopback port of DL4J's UI server; 0 picks a free one. It is never bound to another interface.
 * @param maxReports at most this many layer snapshots (with histograms) per run, so a long run's file stays small
 *     (DL4J's UI stalls on stats files of hundreds of MB); they are spread evenly over the run
 * @param maxScores at most this many per-iteration reports (score, update ratios, activation spread) per run: a run
 *     with more iterations reports every k-th one, evenly over the run
 */
@ConfigurationProperties("deeprounds.insight")
public record InsightSettings(
        @DefaultValue("0") int uiPort,
        @DefaultValue("400") int maxReports,
        @DefaultValue("20000") int maxScores) {

    /** The snapshot plan of a run of {@code epochs} epochs of {@code iterationsPerEpoch} iterations. */
    public SnapshotPlan plan(int epochs, long iterationsPerEpoch) {
        return SnapshotPlan.of(epochs, iterationsPerEpoch, maxReports, maxScores);
    }
}
