package org.deeprounds.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.deeprounds.models.AugmentationRules;
import org.deeprounds.models.NetworkSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What differs between two designs, setting by setting, in the order the settings appear. */
public final class SpecDiff {

    /** One setting: its name as a trainee reads it (e.g. "Layer 3 · kernel size", "Learning rate") and its value in each run ("" if absent). */
    public record Row(String setting, String a, String b) {
        public boolean differs() {
            return !a.equals(b);
        }
    }

    private SpecDiff() {}

    /** Every setting of either design, differing or not. */
    public static List<Row> rows(NetworkSpec a, NetworkSpec b, JsonMapper json) {
        var left = flatten(tree(a, json));
        var right = flatten(tree(b, json));
        var names = new LinkedHashSet<>(left.keySet());
        names.addAll(right.keySet());
        var rows = new ArrayList<Row>();
        for (var name : names) {
            rows.add(new Row(label(name), left.getOrDefault(name, ""), right.getOrDefault(name, "")));
        }
        return rows;
    }

    /** The design as JSON, with its augmentation as one plain-words setting ("flip left-right, rotate up to ±10°"). */
    private static JsonNode tree(NetworkSpec spec, JsonMapper json) {
        tools.jackson.databind.node.ObjectNode tree = json.valueToTree(spec);
        tree.put("augmentation", AugmentationRules.describe(spec.augmentation()));
        return tree;
    }

    /** Only the settings that differ. */
    public static List<Row> differences(NetworkSpec a, NetworkSpec b, JsonMapper json) {
        return rows(a, b, json).stream().filter(Row::differs).toList();
    }

    /** Spec fields as the builder names them. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("input", "Input"),
            Map.entry("kind", "kind"),
            Map.entry("height", "height"),
            Map.entry("width", "width"),
            Map.entry("channels", "channels"),
            Map.entry("length", "length"),
            Map.entry("features", "features"),
            Map.entry("classes", "Classes"),
            Map.entry("optimiser", "Optimiser"),
            Map.entry("learningRate", "Learning rate"),
            Map.entry("schedule", "Learning-rate schedule"),
            Map.entry("factor", "factor"),
            Map.entry("everyEpochs", "every (epochs)"),
            Map.entry("l2", "Weight decay (L2)"),
            Map.entry("batchSize", "Batch size"),
            Map.entry("epochs", "Epochs"),
            Map.entry("seed", "Seed"),
            Map.entry("units", "units"),
            Map.entry("filters", "filters"),
            Map.entry("kernel", "kernel size"),
            Map.entry("stride", "stride"),
            Map.entry("padding", "padding"),
            Map.entry("activation", "activation"),
            Map.entry("pool", "pooling"),
            Map.entry("size", "window"),
            Map.entry("rate", "dropout rate"),
            Map.entry("augmentation", "Augmentation"),
            Map.entry("classWeights", "Class weight, class"));

    /** One element of a list setting, e.g. "classWeights[2]". */
    private static final java.util.regex.Pattern ITEM = java.util.regex.Pattern.compile("(\\w+)\\[(\\d+)]");

    /** "learningRate" as "Learning rate", "layer 1 · kernel" as "Layer 1 · kernel size"; unknown parts unchanged. */
    static String label(String path) {
        var parts = path.split(" · ");
        var out = new ArrayList<String>();
        for (var part : parts) {
            var item = ITEM.matcher(part);
            if (part.startsWith("layer ")) {
                out.add("Layer " + part.substring("layer ".length()));
            } else if (item.matches()) {
                out.add(FIELDS.getOrDefault(item.group(1), item.group(1)) + " " + item.group(2));
            } else {
                out.add(FIELDS.getOrDefault(part, part));
            }
        }
        return String.join(" · ", out);
    }

    static Map<String, String> flatten(JsonNode node) {
        var out = new LinkedHashMap<String, String>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (var entry : node.properties()) {
                var name = entry.getKey().equals("type") && !prefix.isEmpty() ? prefix : join(prefix, entry.getKey());
                flatten(name, entry.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                var name = prefix.equals("layers") ? "layer " + (i + 1) : prefix + "[" + (i + 1) + "]";
                flatten(name, node.get(i), out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node.asString());
        }
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + " · " + name;
    }
}
