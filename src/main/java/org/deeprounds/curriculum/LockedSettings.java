package org.deeprounds.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.deeprounds.models.NetworkSpec;

/**
 * What a lesson locks in the builder, checked against the design a trainee sends: the builder shows locked fields
 * read-only, but only the server can make sure a run of a build step keeps them.
 */
final class LockedSettings {

    private LockedSettings() {}

    /** Throws, naming each locked setting the design changed; does nothing when all are kept. */
    static void check(NetworkSpec lesson, NetworkSpec design, List<String> locked) {
        var changed = new ArrayList<String>();
        for (var path : locked) {
            Function<NetworkSpec, Object> read = reader(path);
            if (read != null && !Objects.equals(read.apply(lesson), read.apply(design))) {
                changed.add(path + " (the lesson sets " + show(read.apply(lesson)) + ")");
            }
        }
        if (!changed.isEmpty()) {
            throw new IllegalArgumentException(
                    "This lesson locks " + String.join(", ", changed) + "; train the design with it unchanged.");
        }
    }

    /** A locked value as the trainee reads it: an augmentation in words, a missing one or no class weights as "none". */
    private static String show(Object value) {
        if (value instanceof org.deeprounds.models.Augmentation augmentation) {
            return LessonSettings.describe(augmentation);
        }
        if (value instanceof List<?> list && list.isEmpty()) {
            return "none";
        }
        return value == null ? "none" : String.valueOf(value);
    }

    private static Function<NetworkSpec, Object> reader(String path) {
        return switch (path) {
            case "layers" -> NetworkSpec::layers;
            case "optimiser" -> NetworkSpec::optimiser;
            case "learningRate" -> NetworkSpec::learningRate;
            case "batchSize" -> NetworkSpec::batchSize;
            case "epochs" -> NetworkSpec::epochs;
            case "l2" -> NetworkSpec::l2;
            case "seed" -> NetworkSpec::seed;
            case "classWeights" -> NetworkSpec::classWeights;
            // No augmentation and one that changes nothing are the same lock.
            case "augmentation" ->
                spec -> spec.augmentation() == null || !spec.augmentation().active() ? null : spec.augmentation();
            default -> null;
        };
    }
}
