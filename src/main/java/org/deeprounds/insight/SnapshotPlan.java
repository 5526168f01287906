package org.deeprounds.insight;

import java.util.BitSet;

/**
 * Which iterations of a run are recorded, decided before it starts from its known length. Every iteration (or every
 * k-th, evenly, beyond {@code maxScores}) gets a light report: the score plus the summary statistics DL4J's charts draw
 * per iteration. Layer snapshots (histograms of weights, gradients and updates) are taken at every iteration of a run
 * of at most {@value #MIN_SNAPSHOTS} iterations; otherwise at {@value #MIN_SNAPSHOTS} iterations spread evenly from the
 * first to the last, plus the last iteration of every epoch, thinned evenly so that the total stays within {@code
 * maxReports}.
 *
 * @param lastIteration the run's last planned iteration (0-based, as DL4J counts them)
 * @param scoreEvery every how many iterations a light report is written
 */
public record SnapshotPlan(long lastIteration, int scoreEvery, BitSet snapshots) {

    /** Fewer snapshots than this would draw a line, not a curve. */
    public static final int MIN_SNAPSHOTS = 30;

    static SnapshotPlan of(int epochs, long iterationsPerEpoch, int maxReports, int maxScores) {
        long planned = Math.max(1, (long) Math.max(1, epochs) * Math.max(1, iterationsPerEpoch));
        var marks = new BitSet();
        int cap = Math.max(2, maxReports);
        if (planned <= Math.min(MIN_SNAPSHOTS, cap)) {
            marks.set(0, (int) planned);
        } else {
            int spread = Math.min(MIN_SNAPSHOTS, cap / 2);
            even(marks, planned, spread);
            // Epoch ends: every one while they fit in the rest of the cap, otherwise an even selection ending at the
            // last.
            int ends = Math.min(Math.max(1, epochs), cap - spread);
            for (int k = 1; k <= ends; k++) {
                long epoch = Math.round((double) k * Math.max(1, epochs) / ends);
                marks.set((int) Math.min(planned - 1, epoch * Math.max(1, iterationsPerEpoch) - 1));
            }
        }
        int scoreEvery = (int) Math.max(1, (planned + maxScores - 1) / Math.max(1, maxScores));
        return new SnapshotPlan(planned - 1, scoreEvery, marks);
    }

    private static void even(BitSet marks, long planned, int count) {
        for (int k = 0; k < count; k++) {
            marks.set((int) Math.round((double) k * (planned - 1) / (count - 1)));
        }
    }

    /** Whether this iteration gets a full layer snapshot; iterations past the plan (a longer resumed run) do not. */
    public boolean snapshot(long iteration) {
        return iteration >= 0 && iteration <= Integer.MAX_VALUE && snapshots.get((int) iteration);
    }

    /** Whether this iteration is reported at all (score and summary statistics). */
    public boolean scored(long iteration) {
        return snapshot(iteration) || iteration % scoreEvery == 0 || iteration >= lastIteration;
    }

    /** How many snapshots the plan takes. */
    public int snapshotCount() {
        return snapshots.cardinality();
    }
}
