package org.deeprounds.insight;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeprounds.datasets.Example;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.models.Templates;
import org.deeprounds.training.ComputeBackend;
import org.deeprounds.training.NativeRuntime;
import org.deeprounds.training.Trainer;

/**
 * Training throughput with layer statistics on and off, for docs/benchmarks.md: in one JVM, rounds alternate the
 * service's {@link Trainer} on the imaging template without listeners and with the statistics listener the server
 * attaches (its reporting frequency from {@link InsightSettings} defaults, writing to a real stats file). Prints one
 * {@code RESULT} line per timed run and the stats file's size.
 *
 * <p>Usage: {@code StatsOverheadBench <examples> <epochs> <rounds>}
 */
public final class StatsOverheadBench {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int epochs = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        var build = NativeRuntime.prepare(System.getProperty("deeprounds.training.native-build", "auto"));
        new ComputeBackend(new org.deeprounds.training.TrainingSettings(
                        1, 3, Duration.ofMinutes(30), 5, Duration.ofSeconds(30)))
                .describe();
        var input = InputShape.image(28, 28, 1);
        var spec = Templates.create("imaging-cnn", input, 2).withTraining(0.001, 64, epochs, 42);
        var train = Trainer.SplitData.of(examples(n, 1), input, 2);
        var validation = Trainer.SplitData.of(examples(Math.max(64, n / 8), 2), input, 2);
        long planned = (long) epochs * ((n + 63) / 64);
        var settings = new InsightSettings(0, 400, 0.02);
        int every = settings.reportEvery(planned);
        System.out.printf(
                Locale.ROOT, "# build=%s n=%d epochs=%d planned=%d reportEvery=%d%n", build, n, epochs, planned, every);
        run(spec.withTraining(0.001, 64, 1, 42), train, validation, null);
        for (int round = 1; round <= rounds; round++) {
            double off = run(spec, train, validation, null);
            var folder = Files.createTempDirectory("stats-bench");
            var files = new StatsFiles();
            var listener = LayerStatsRecorder.listener(files.create(folder), "bench", settings, planned);
            double on = run(spec, train, validation, listener);
            int reports = files.create(folder).getNumUpdateRecordsFor("bench");
            files.closeAll();
            long bytes = Files.size(folder.resolve(StatsFiles.FILE));
            System.out.printf(
                    Locale.ROOT,
                    "RESULT round=%d mode=off img_per_s=%.1f%nRESULT round=%d mode=on img_per_s=%.1f on_over_off=%.3f"
                            + " stats_bytes=%d reports=%d%n",
                    round,
                    n * epochs / off,
                    round,
                    n * epochs / on,
                    off / on,
                    bytes,
                    reports);
        }
    }

    private static double run(
            NetworkSpec spec,
            Trainer.SplitData train,
            Trainer.SplitData validation,
            org.deeplearning4j.optimize.api.TrainingListener listener) {
        var start = Trainer.Start.fresh(spec);
        if (listener != null) {
            start.network().setListeners(listener);
        }
        long t0 = System.nanoTime();
        var result = new Trainer(Clock.systemUTC())
                .train(spec, start, train, validation, Duration.ofHours(1), Integer.MAX_VALUE, Trainer.SILENT);
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
