package org.deeprounds.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.ui.model.stats.BaseStatsListener;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.api.StatsReport;
import org.deeplearning4j.ui.model.stats.api.StatsType;
import org.deeplearning4j.ui.model.storage.InMemoryStatsStorage;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.Templates;
import org.deeprounds.training.NativeRuntime;
import org.deeprounds.training.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reports this app builds say what DL4J's own listener would: the same run, trained twice from the same seed, once
 * with DL4J's {@link StatsListener} at every iteration and once with {@link SnapshotStatsListener} (a snapshot at every
 * iteration of a short run), gives the same score, ratios, spreads and histograms at every iteration.
 */
class SnapshotReportsTest {

    private static final InputShape INPUT = InputShape.image(20, 20, 1);

    @BeforeAll
    static void nativeRuntime() {
        NativeRuntime.prepare("auto");
    }

    @Test
    void every_figure_matches_dl4js_own_listener() {
        var expected = train(dl4jListener());
        var plan = new InsightSettings(0, 400, 20_000).plan(2, 4);
        var storage = new InMemoryStatsStorage();
        var actual = train(new SnapshotStatsListener(storage, "s", "w", plan), storage);

        assertThat(actual).hasSameSizeAs(expected).hasSize(8);
        for (int i = 0; i < expected.size(); i++) {
            var want = expected.get(i);
            var got = actual.get(i);
            assertThat(got.getIterationCount()).isEqualTo(want.getIterationCount());
            assertThat(got.getScore()).as("score").isCloseTo(want.getScore(), within(1e-6));
            assertClose(got.getMeanMagnitudes(StatsType.Parameters), want.getMeanMagnitudes(StatsType.Parameters));
            assertClose(got.getMeanMagnitudes(StatsType.Updates), want.getMeanMagnitudes(StatsType.Updates));
            assertClose(got.getStdev(StatsType.Gradients), want.getStdev(StatsType.Gradients));
            assertClose(got.getMean(StatsType.Activations), want.getMean(StatsType.Activations));
            assertClose(got.getStdev(StatsType.Activations), want.getStdev(StatsType.Activations));
            assertThat(got.getLearningRates()).isEqualTo(want.getLearningRates());
            for (var type : List.of(StatsType.Parameters, StatsType.Gradients, StatsType.Updates)) {
                var wantHistograms = want.getHistograms(type);
                var gotHistograms = got.getHistograms(type);
                assertThat(gotHistograms.keySet()).as(type.name()).isEqualTo(wantHistograms.keySet());
                wantHistograms.forEach((name, histogram) -> {
                    var counts = gotHistograms.get(name).getBinCounts();
                    assertThat(gotHistograms.get(name).getMin()).isCloseTo(histogram.getMin(), within(1e-7));
                    assertThat(gotHistograms.get(name).getMax()).isCloseTo(histogram.getMax(), within(1e-7));
                    assertSameHistogram(type + " " + name, counts, histogram.getBinCounts());
                });
            }
        }
    }

    @Test
    void a_light_report_carries_every_figure_but_histograms() {
        // Snapshots at iterations 0 and 7 only: the others are light.
        var snapshots = new java.util.BitSet();
        snapshots.set(0);
        snapshots.set(7);
        var storage = new InMemoryStatsStorage();
        var reports = train(new SnapshotStatsListener(storage, "s", "w", new SnapshotPlan(7, 1, snapshots)), storage);
        assertThat(reports).hasSize(8);
        var light = reports.get(3);
        assertThat(LayerInsights.isSnapshot(light)).isFalse();
        assertThat(LayerInsights.isSnapshot(reports.get(7))).isTrue();
        assertThat(light.getMeanMagnitudes(StatsType.Parameters)).containsKeys("0_W", "4_W", "5_b");
        assertThat(light.getStdev(StatsType.Activations)).containsKeys("input", "0", "4");
        assertThat(light.getStdev(StatsType.Gradients)).containsKey("4_W");
        // Present but empty: DL4J's model page reads the latest report's histograms, and a cancelled run ends on a
        // light report.
        assertThat(light.getHistograms(StatsType.Parameters)).isEmpty();
        assertThat(light.getHistograms(StatsType.Updates)).isEmpty();
    }

    /**
     * The same counts, except that the values lying exactly on one bin edge (the exact zeros of a gradient whose bins
     * are symmetric about zero) may fall on either side of it in ND4J's arithmetic and ours.
     */
    private static void assertSameHistogram(String what, int[] actual, int[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        int edgesMoved = 0;
        long actualBelow = 0;
        long expectedBelow = 0;
        for (int bin = 0; bin < expected.length; bin++) {
            actualBelow += actual[bin];
            expectedBelow += expected[bin];
            if (actualBelow != expectedBelow) {
                edgesMoved++;
            }
        }
        assertThat(actualBelow).as(what + ": values counted").isEqualTo(expectedBelow);
        assertThat(edgesMoved)
                .as(what + ": " + java.util.Arrays.toString(actual) + " vs " + java.util.Arrays.toString(expected))
                .isLessThanOrEqualTo(1);
    }

    private static void assertClose(Map<String, Double> actual, Map<String, Double> expected) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((name, value) ->
                assertThat(actual.get(name)).as(name).isCloseTo(value, within(1e-5 * Math.max(1, Math.abs(value)))));
    }

    private record Listened(TrainingListener listener, InMemoryStatsStorage storage) {}

    private static Listened dl4jListener() {
        var storage = new InMemoryStatsStorage();
        return new Listened(new StatsListener(storage, null, SnapshotStatsListener.collected(), "s", "w"), storage);
    }

    private static List<StatsReport> train(Listened listened) {
        return train(listened.listener(), listened.storage());
    }

    private static List<StatsReport> train(TrainingListener listener, InMemoryStatsStorage storage) {
        var spec = Templates.create("imaging-cnn", INPUT, 2).withTraining(0.01, 16, 2, 42);
        var start = Trainer.Start.fresh(spec);
        start.network().setListeners(listener);
        new Trainer(Clock.systemUTC())
                .train(
                        spec,
                        start,
                        Trainer.SplitData.of(examples(64, 1), INPUT, 2),
                        Trainer.SplitData.of(examples(16, 2), INPUT, 2),
                        Duration.ofMinutes(5),
                        Integer.MAX_VALUE,
                        Trainer.SILENT);
        var reports = new ArrayList<StatsReport>();
        for (var update : storage.getAllUpdatesAfter("s", BaseStatsListener.TYPE_ID, "w", 0)) {
            reports.add((StatsReport) update);
        }
        return reports;
    }

    private static List<Example> examples(int count, long seed) {
        var random = new Random(seed);
        var list = new ArrayList<Example>();
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(2);
            var features = new float[20 * 20];
            for (int k = 0; k < features.length; k++) {
                features[k] = random.nextFloat() * 0.5f + (label == 1 && k % 20 < 10 ? 0.4f : 0f);
            }
            list.add(new Example(features, label));
        }
        return list;
    }
}
