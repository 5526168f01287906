package org.deeprounds.datasets.signal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SequencedMap;

/**
 * Which beat annotations make up each class a network learns. The 15 or so beat mnemonics are too many and too rare to
 * learn one by one (MIT-BIH holds some 75,000 normal beats but 16 atrial escape beats), so they are grouped the way
 * the question needs: normal against ventricular, or the five classes of the AAMI EC57 standard that published
 * arrhythmia results use. Beats in no group are left out (and counted), never forced into a class.
 *
 * @param names the class names, in class-index order
 * @param classOf the class index of each grouped mnemonic
 */
public record BeatClasses(List<String> names, Map<String, Integer> classOf) {

    public BeatClasses {
        names = List.copyOf(names);
        classOf = Map.copyOf(classOf);
    }

    /**
     * Classes from groups of beat mnemonics, e.g. {@code normal = [N, L, R, e, j], ventricular = [V, E]}, in the map's
     * order. A mnemonic that is not a beat, or that is in two groups, is refused.
     */
    public static BeatClasses of(SequencedMap<String, List<String>> groups) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no beat classes given");
        }
        var names = new ArrayList<String>();
        var classOf = new LinkedHashMap<String, Integer>();
        for (var group : groups.entrySet()) {
            if (group.getKey().isBlank() || group.getValue().isEmpty()) {
                throw new IllegalArgumentException("class '" + group.getKey() + "' needs a name and at least one beat");
            }
            for (var mnemonic : group.getValue()) {
                if (!AnnotationCode.ofMnemonic(mnemonic)
                        .map(AnnotationCode::isBeat)
                        .orElse(false)) {
                    throw new IllegalArgumentException(
                            "class '" + group.getKey() + "': '" + mnemonic + "' is not a beat annotation");
                }
                var earlier = classOf.putIfAbsent(mnemonic, names.size());
                if (earlier != null) {
                    throw new IllegalArgumentException("beat '" + mnemonic + "' is in both '" + names.get(earlier)
                            + "' and '" + group.getKey() + "'");
                }
            }
            names.add(group.getKey());
        }
        return new BeatClasses(names, classOf);
    }

    /** One class per beat mnemonic, named by it, e.g. {@code each("N", "V")}. */
    public static BeatClasses each(String... mnemonics) {
        var groups = new LinkedHashMap<String, List<String>>();
        for (var mnemonic : mnemonics) {
            groups.put(mnemonic, List.of(mnemonic));
        }
        return of(groups);
    }

    /**
     * The AAMI EC57 classes used to report arrhythmia classifiers on MIT-BIH (de Chazal et al., IEEE TBME 2004,
     * https://doi.org/10.1109/TBME.2004.827359): normal and bundle branch block beats, supraventricular ectopic,
     * ventricular ectopic, fusion, and paced or unclassifiable.
     */
    public static BeatClasses aami() {
        var groups = new LinkedHashMap<String, List<String>>();
        groups.put("normal", List.of("N", "L", "R", "e", "j"));
        groups.put("supraventricular", List.of("A", "a", "J", "S"));
        groups.put("ventricular", List.of("V", "E"));
        groups.put("fusion", List.of("F"));
        groups.put("unknown", List.of("/", "f", "Q"));
        return of(groups);
    }

    /** The class index of a beat mnemonic; empty when it is in no class. */
    public OptionalInt classOf(String mnemonic) {
        var index = classOf.get(mnemonic);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }
}
