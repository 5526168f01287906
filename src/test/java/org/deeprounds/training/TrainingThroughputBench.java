package org.deeprounds.training;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.LayerSpec;
import org.deeprounds.models.NetworkFactory;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.models.Templates;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Training throughput of the product's own path, for docs/benchmarks.md (docs/bench-train.sh runs it). In one JVM
 * it alternates a bare {@code MultiLayerNetwork.fit} loop over ready-made batches with the service's {@link Trainer}
 * (shuffling, per-epoch validation, best-weights bookkeeping) on the same design and data, and prints one {@code
 * RESULT} line per timed run.
 *
 * <p>Usage: {@code TrainingThroughputBench <design> <examples> <epochs> <rounds> [jobs]}, design one of {@code lenet}
 * (the reference workload: LeNet with linear convolutions, batch 64, Adam 1e-3) or a template name. With {@code jobs}
 * above 1, ND4J's threads are shared as a server configured for that many concurrent jobs shares them, and that many
 * service runs train at once; the line reports their total throughput.
 */
public final class TrainingThroughputBench {

    public static void main(String[] args) {
        var design = args[0];
        int n = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int jobs = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        var build = NativeRuntime.prepare(System.getProperty("deeprounds.training.native-build", "auto"));
        var backend = new ComputeBackend(jobs).describe();
        var spec = spec(design).withTraining(0.001, batch(design), epochs, 42);
        var train = examples(spec.input(), n, 1);
        var validation = examples(spec.input(), Math.max(64, n / 16), 2);
        var trainData = Trainer.SplitData.of(train, spec.input(), 2);
        var validationData = Trainer.SplitData.of(validation, spec.input(), 2);
        System.out.printf(
                Locale.ROOT,
                "# build=%s omp=%d blas=%d cores=%d design=%s n=%d validation=%d batch=%d epochs=%d%n",
                build.label(),
                backend.ompThreads(),
                backend.blasThreads(),
                backend.cores(),
                design,
                n,
                validation.size(),
                spec.batchSize(),
                epochs);
        // Warm-up: one epoch each, so JIT and oneDNN's kernel cache are hot for both.
        bare(spec.withTraining(0.001, spec.batchSize(), 1, 42), trainData);
        service(spec.withTraining(0.001, spec.batchSize(), 1, 42), trainData, validationData);
        for (int round = 1; round <= rounds; round++) {
            if (jobs > 1) {
                report(
                        round,
                        design,
                        jobs + "-jobs",
                        (long) n * epochs * jobs,
                        concurrent(jobs, spec, trainData, validationData),
                        build);
            } else {
                report(round, design, "bare", (long) n * epochs, bare(spec, trainData), build);
                report(round, design, "service", (long) n * epochs, service(spec, trainData, validationData), build);
            }
        }
    }

    /** Seconds until {@code jobs} service runs started together have all finished, as on a server running that many. */
    static double concurrent(int jobs, NetworkSpec spec, Trainer.SplitData train, Trainer.SplitData validation) {
        long start = System.nanoTime();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(jobs)) {
            var futures = new ArrayList<java.util.concurrent.Future<Double>>();
            for (int job = 0; job < jobs; job++) {
                futures.add(pool.submit(() -> service(spec, train, validation)));
            }
            for (var future : futures) {
                future.get();
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds for a bare fit loop over pre-batched data, the way DL4J's examples train. */
    static double bare(NetworkSpec spec, Trainer.SplitData train) {
        var network = new MultiLayerNetwork(NetworkFactory.configuration(spec));
        network.init();
        List<DataSet> batches = train.data().batchBy(spec.batchSize());
        long start = System.nanoTime();
        for (int epoch = 0; epoch < spec.epochs(); epoch++) {
            for (var batch : batches) {
                network.fit(batch);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seconds for the service's training loop, validation every epoch included. */
    static double service(NetworkSpec spec, Trainer.SplitData train, Trainer.SplitData validation) {
        long start = System.nanoTime();
        var result = new Trainer(Clock.systemUTC())
                .train(spec, train, validation, Duration.ofHours(1), Integer.MAX_VALUE, Trainer.SILENT);
        if (result.epochs().size() != spec.epochs()) {
            throw new IllegalStateException("stopped early: " + result.message());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static void report(int round, String design, String mode, long images, double seconds, NativeBuild build) {
        System.out.printf(
                Locale.ROOT,
                "RESULT round=%d engine=DeepRounds design=%s mode=%s build=%s img_per_s=%.1f seconds=%.3f%n",
                round,
                design,
                mode,
                build.name(),
                images / seconds,
                seconds);
    }

    static NetworkSpec spec(String design) {
        if (design.equals("lenet")) {
            var template = Templates.create("imaging-cnn", InputShape.image(28, 28, 1), 2);
            var layers = template.layers().stream()
                    .map(layer -> layer instanceof LayerSpec.Conv2D conv
                            ? new LayerSpec.Conv2D(
                                    conv.filters(),
                                    conv.kernel(),
                                    conv.stride(),
                                    conv.padding(),
                                    LayerSpec.Activation.IDENTITY)
                            : layer)
                    .toList();
            return new NetworkSpec(template.input(), layers, 2, NetworkSpec.Optimiser.ADAM, 0.001, null, 0, 64, 1, 42);
        }
        var input = switch (design) {
            case "imaging-cnn" -> InputShape.image(28, 28, 1);
            case "genomics-cnn", "sequence-lstm" -> InputShape.sequence(4, 80);
            case "ehr-mlp" -> InputShape.tabular(30);
            default -> throw new IllegalArgumentException("design " + design);
        };
        return Templates.create(design, input, 2);
    }

    static int batch(String design) {
        return design.equals("lenet") ? 64 : spec(design).batchSize();
    }

    /** Seeded random inputs (one-hot bases for sequences) with random labels: throughput only. */
    static List<Example> examples(InputShape input, int count, long seed) {
        var random = new Random(seed);
        var list = new ArrayList<Example>(count);
        for (int i = 0; i < count; i++) {
            float[] features;
            switch (input.kind()) {
                case SEQUENCE -> {
                    features = new float[4 * input.length()];
                    for (int position = 0; position < input.length(); position++) {
                        features[random.nextInt(4) * input.length() + position] = 1;
                    }
                }
                case IMAGE -> {
                    features = new float[input.channels() * input.height() * input.width()];
                    for (int k = 0; k < features.length; k++) {
                        features[k] = random.nextFloat();
                    }
                }
                case TABULAR -> {
                    features = new float[input.features()];
                    for (int k = 0; k < features.length; k++) {
                        features[k] = (float) random.nextGaussian();
                    }
                }
                default -> throw new IllegalStateException();
            }
            list.add(new Example(features, random.nextInt(2)));
        }
        return list;
    }
}
