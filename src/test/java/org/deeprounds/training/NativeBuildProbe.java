package org.deeprounds.training;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.NetworkFactory;
import org.deeprounds.models.Templates;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Run in a JVM of its own by {@link NativeBuildLoadingTest}: prepares the build named in the first argument, trains the
 * imaging template for a few iterations and prints what loaded and whether the loss fell.
 */
public final class NativeBuildProbe {

    public static void main(String[] args) {
        var build = NativeRuntime.prepare(args[0]);
        var backend = new ComputeBackend(1).describe();
        var spec = Templates.create("imaging-cnn", InputShape.image(28, 28, 1), 2);
        var network = new MultiLayerNetwork(NetworkFactory.configuration(spec));
        network.init();
        Nd4j.getRandom().setSeed(1);
        var features = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 32, 1, 28, 28);
        // Class 1 has a bright top half: a few steps are enough to learn it.
        var labels = Nd4j.zeros(32, 2);
        for (int i = 0; i < 32; i++) {
            int label = i % 2;
            if (label == 1) {
                features.get(
                                org.nd4j.linalg.indexing.NDArrayIndex.point(i),
                                org.nd4j.linalg.indexing.NDArrayIndex.all(),
                                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 14),
                                org.nd4j.linalg.indexing.NDArrayIndex.all())
                        .addi(1.0);
            }
            labels.putScalar(i, label, 1.0);
        }
        var data = new DataSet(features, labels);
        double first = network.score(data);
        for (int i = 0; i < 15; i++) {
            network.fit(data);
        }
        double last = network.score(data);
        System.out.println("PROBE build=" + build.name() + " label=" + backend.nativeBuild() + " extension="
                + System.getProperty("org.bytedeco.javacpp.platform.extension") + " helpers="
                + helpers(network) + " first=" + first + " last=" + last);
        System.exit(last < first ? 0 : 3);
    }

    /** The DL4J layer helper class of each layer ("-" where none), e.g. oneDNN's convolution helper. */
    static List<String> helpers(MultiLayerNetwork network) {
        return Arrays.stream(network.getLayers())
                .map(layer -> {
                    for (Class<?> type = layer.getClass(); type != null; type = type.getSuperclass()) {
                        try {
                            var field = type.getDeclaredField("helper");
                            field.setAccessible(true);
                            var helper = field.get(layer);
                            return helper == null ? "-" : helper.getClass().getSimpleName();
                        } catch (NoSuchFieldException e) {
                            // look in the superclass
                        } catch (IllegalAccessException e) {
                            return "?";
                        }
                    }
                    return "-";
                })
                .toList();
    }
}
