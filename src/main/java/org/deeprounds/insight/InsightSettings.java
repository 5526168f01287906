package org.deeprounds.insight;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Layer statistics and DL4J's training UI ({@code deeprounds.insight.*}).
 *
 * @param uiPort the loopback port of DL4J's UI server; 0 picks a free one. It is never bound to another interface.
 * @param maxReports at most this many statistics reports per run, so a long run's file stays small (DL4J's UI stalls
 *     on stats files of hundreds of MB)
 * @param overheadBudget the share of training time statistics may take: each report copies every parameter, gradient,
 *     update and activation into histograms, so reports are spaced by their measured cost (docs/benchmarks.md)
 */
@ConfigurationProperties("deeprounds.insight")
public record InsightSettings(
        @DefaultValue("0") int uiPort,
        @DefaultValue("400") int maxReports,
        @DefaultValue("0.02") double overheadBudget) {

    /** Every how many iterations a run of this many planned iterations reports. */
    public int reportEvery(long plannedIterations) {
        long spread = (plannedIterations + maxReports - 1) / Math.max(1, maxReports);
        return (int) Math.max(1, spread);
    }
}
