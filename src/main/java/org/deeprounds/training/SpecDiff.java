package org.deeprounds.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.deeprounds.models.NetworkSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What differs between two designs, setting by setting, in the order the settings appear. */
public final class SpecDiff {

    /** One setting: its name (e.g. "layer 3 · kernel", "learningRate") and its value in each run ("" if absent). */
    public record Row(String setting, String a, String b) {
        public boolean differs() {
            return !a.equals(b);
        }
    }

    private SpecDiff() {}

    /** Every setting of either design, differing or not. */
    public static List<Row> rows(NetworkSpec a, NetworkSpec b, JsonMapper json) {
        var left = flatten(json.valueToTree(a));
        var right = flatten(json.valueToTree(b));
        var names = new LinkedHashSet<>(left.keySet());
        names.addAll(right.keySet());
        var rows = new ArrayList<Row>();
        for (var name : names) {
            rows.add(new Row(name, left.getOrDefault(name, ""), right.getOrDefault(name, "")));
        }
        return rows;
    }

    /** Only the settings that differ. */
    public static List<Row> differences(NetworkSpec a, NetworkSpec b, JsonMapper json) {
        return rows(a, b, json).stream().filter(Row::differs).toList();
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
