package org.deeprounds.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.models.Templates;
import org.deeprounds.training.NativeRuntime;
import org.deeprounds.training.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Wall time of training with layer statistics on and off, for docs/benchmarks.md. One JVM; each round trains the
 * {@code imaging-cnn} template with the service's {@link Trainer} once without listeners and once with the listener the
 * server attaches (its {@link SnapshotPlan} from the default {@link InsightSettings}, writing a real stats file
 * through the {@link AsyncStatsRouter}, timed until the last report is written), the
 * order alternating between rounds. Two cases: a lesson-length run (the learning-rate lesson: 832 images of 28 x 28,
 * 5 epochs of 13 mini-batches) and a long run sized to {@code bench.long.seconds} with statistics off. Prints one
 * {@code RESULT} line per round and the medians. Not part of the normal test run:
 *
 * <p>{@code mvn test -Dtest=StatsOverheadBenchmark -Dbenchmark=true [-Dbench.rounds=5] [-Dbench.long.seconds=300]
 * [-Dbench.long.rounds=3]}
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class StatsOverheadBenchmark {

    private static final InputShape INPUT = InputShape.image(28, 28, 1);

    @Test
    void statistics_cost_little_wall_time_for_lesson_and_long_runs() throws Exception {
        NativeRuntime.prepare(System.getProperty("deeprounds.training.native-build", "auto"));
        int rounds = Integer.getInteger("bench.rounds", 5);
        var lesson = measure("lesson", 832, 5, rounds);
        assertThat(lesson.snapshots()).isGreaterThanOrEqualTo(SnapshotPlan.MIN_SNAPSHOTS);
        assertThat(lesson.scores()).isEqualTo(65);

        // The long case: as many epochs of 8,192 images as take bench.long.seconds without statistics.
        int examples = 8192;
        var spec = spec(1);
        var data = data(examples);
        train(spec, data, null); // warm-up
        double epochSeconds = train(spec, data, null);
        int epochs = (int) Math.max(2, Math.round(Integer.getInteger("bench.long.seconds", 300) / epochSeconds));
        var long_ = measure("long", examples, epochs, Integer.getInteger("bench.long.rounds", rounds));
        assertThat(long_.snapshots()).isGreaterThanOrEqualTo(Math.min(epochs, 370));
        assertThat(long_.scores()).isEqualTo(epochs * 128);
    }

    private record Case(int snapshots, int scores) {}

    private static Case measure(String name, int examples, int epochs, int rounds) throws Exception {
        var spec = spec(epochs);
        var data = data(examples);
        long perEpoch = (examples + 63) / 64;
        var plan = new InsightSettings(0, 400, 20_000).plan(epochs, perEpoch);
        train(spec(1), data, null); // warm-up
        var ratios = new ArrayList<Double>();
        var offTimes = new ArrayList<Double>();
        int snapshots = 0;
        int scores = 0;
        for (int round = 1; round <= rounds; round++) {
            double off = 0;
            double on = 0;
            long bytes = 0;
            for (int pass = 0; pass < 2; pass++) {
                boolean withStats = (pass == 0) == (round % 2 == 0);
                if (!withStats) {
                    off = train(spec, data, null);
                    continue;
                }
                var folder = Files.createTempDirectory("stats-bench");
                var files = new StatsFiles();
                var storage = files.create(folder);
                // Timed up to the last report on disk, as the server's trainingEnded waits for it.
                long t0 = System.nanoTime();
                try (var router = new AsyncStatsRouter(storage, "bench")) {
                    train(spec, data, LayerStatsRecorder.listener(router, "bench", plan));
                }
                on = (System.nanoTime() - t0) / 1e9;
                var reports = LayerInsights.reports(storage, "bench");
                scores = reports.size();
                snapshots =
                        (int) reports.stream().filter(LayerInsights::isSnapshot).count();
                assertThat(reports.getLast().getIterationCount()).isEqualTo((int) (epochs * perEpoch - 1));
                assertThat(LayerInsights.isSnapshot(reports.getLast())).isTrue();
                files.closeAll();
                bytes = Files.size(new org.deeprounds.training.RunFolder(folder).statistics());
            }
            ratios.add(on / off);
            offTimes.add(off);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT case=%s round=%d off_s=%.2f on_s=%.2f on_over_off=%.3f snapshots=%d scores=%d"
                            + " stats_bytes=%d%n",
                    name,
                    round,
                    off,
                    on,
                    on / off,
                    snapshots,
                    scores,
                    bytes);
        }
        System.out.printf(
                Locale.ROOT,
                "SUMMARY case=%s epochs=%d iterations=%d median_off_s=%.2f median_on_over_off=%.3f snapshots=%d"
                        + " scores=%d%n",
                name,
                epochs,
                epochs * perEpoch,
                median(offTimes),
                median(ratios),
                snapshots,
                scores);
        return new Case(snapshots, scores);
    }

    private static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static NetworkSpec spec(int epochs) {
        return Templates.create("imaging-cnn", INPUT, 2).withTraining(0.001, 64, epochs, 42);
    }

    private record Data(Trainer.SplitData train, Trainer.SplitData validation) {}

    private static Data data(int examples) {
        return new Data(
                Trainer.SplitData.of(examples(examples, 1), INPUT, 2),
                Trainer.SplitData.of(examples(Math.max(64, examples / 8), 2), INPUT, 2));
    }

    private static double train(
            NetworkSpec spec, Data data, org.deeplearning4j.optimize.api.TrainingListener listener) {
        var start = Trainer.Start.fresh(spec);
        if (listener != null) {
            start.network().setListeners(listener);
        }
        long t0 = System.nanoTime();
        var result = new Trainer(Clock.systemUTC())
                .train(
                        spec,
                        start,
                        data.train(),
                        data.validation(),
                        Duration.ofHours(1),
                        Integer.MAX_VALUE,
                        Trainer.SILENT);
        if (result.epochs().size() != spec.epochs()) {
            throw new IllegalStateException("stopped early: " + result.message());
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static List<Example> examples(int count, long seed) {
        var random = new Random(seed);
        var list = new ArrayList<Example>(count);
        for (int i = 0; i < count; i++) {
            var features = new float[28 * 28];
            for (int k = 0; k < features.length; k++) {
                features[k] = random.nextFloat();
            }
            list.add(new Example(features, random.nextInt(2)));
        }
        return list;
    }
}
