package org.deeprounds.training.ui;

import java.util.Map;
import org.deeprounds.training.RunInfo;

/** How the runs pages name a run: its design, its data by name, and the lesson that started it, if one did. */
final class RunLabels {

    private RunLabels() {}

    /** The template's name; else the lesson's or the trainee's own design from the builder. */
    static String design(RunInfo run, String origin) {
        if (run.template() != null) {
            return run.template();
        }
        return origin == null ? "Own design" : "Lesson design";
    }

    static String dataset(RunInfo run, Map<Long, String> names) {
        var name = names.get(run.datasetId());
        return name == null ? "dataset " + run.datasetId() + " (not visible to you)" : name;
    }

    /** "ehr-mlp on Breast cancer biopsies, from lesson 'Judging a model'". */
    static String summary(RunInfo run, Map<Long, String> names, String origin) {
        return design(run, origin) + " on " + dataset(run, names) + (origin == null ? "" : ", from " + origin);
    }
}
