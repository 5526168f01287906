package org.deeprounds.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprounds.datasets.DatasetInfo;
import org.deeprounds.models.AugmentationRules;
import org.deeprounds.models.LayerSpec;
import org.deeprounds.training.KeptEpochReading;
import org.deeprounds.training.RunInfo;

/**
 * A model card for one run (after Mitchell et al., "Model Cards for Model Reporting", 2019): what the model is for,
 * the data, the network and its training, test metrics with intervals at the chosen threshold, calibration,
 * subgroups, limitations and the not-for-clinical-use statement. Built as sections once, written as Markdown or HTML.
 */
public final class ModelCard {

    /** A heading with paragraphs and an optional table (first row is the header). */
    record Section(String heading, List<String> paragraphs, List<List<String>> table) {}

    static final String NOT_FOR_CLINICAL_USE = "Not for clinical use. This model was trained in DeepRounds, a teaching"
            + " lab, to learn how deep learning behaves on medical data. It has not been validated, approved or"
            + " cleared for any clinical decision.";

    private final String title;
    private final List<Section> sections;

    private ModelCard(String title, List<Section> sections) {
        this.title = title;
        this.sections = sections;
    }

    /** @param origin what started the run (a lesson), or null when the trainee did */
    static ModelCard of(RunInfo run, DatasetInfo dataset, Evaluation e, String origin) {
        var design = run.template() != null ? run.template() : origin == null ? "own design" : "the lesson's design";
        var sections = new ArrayList<Section>();
        sections.add(new Section("Status", List.of(NOT_FOR_CLINICAL_USE), List.of()));
        sections.add(new Section(
                "Intended use and users",
                List.of(
                        "Intended users: trainees and instructors in a DeepRounds course, to study how a network ("
                                + design + ") learns to tell " + String.join(" from ", dataset.classes())
                                + " and how to judge it as a clinician would.",
                        "Out of scope: diagnosing, screening or triaging real patients; any use outside teaching."),
                List.of()));
        var splits = dataset.splits();
        sections.add(new Section(
                "Data",
                List.of(
                        dataset.name() + (dataset.synthetic() ? " (SYNTHETIC: generated, not real patients)" : "")
                                + ". Modality: " + dataset.modality().name().toLowerCase(Locale.ROOT) + "; classes: "
                                + String.join(", ", dataset.classes()) + ".",
                        "Licence: " + orDash(dataset.licence()) + ". Provenance: " + orDash(dataset.provenance())
                                + (dataset.citation() == null ? "" : ". Cite: " + dataset.citation()) + ".",
                        "Split by " + orDash(dataset.splitMethod()) + ": training " + size(splits, "train")
                                + ", validation " + size(splits, "validation") + ", test " + size(splits, "test")
                                + " cases. The test cases were used once, after training, for the numbers below."),
                List.of()));
        var spec = run.spec();
        var layers = new ArrayList<List<String>>();
        layers.add(List.of("#", "Layer"));
        for (int i = 0; i < spec.layers().size(); i++) {
            layers.add(List.of(Integer.toString(i + 1), describe(spec.layers().get(i))));
        }
        sections.add(new Section(
                "Network and training",
                List.of(
                        "Design: " + design + ", input " + spec.input().describe() + ", " + spec.classes() + " classes"
                                + (origin == null ? "" : "; started from " + origin) + ".",
                        String.format(
                                Locale.ROOT,
                                "Optimiser %s, learning rate %s%s, L2 %s, batch %d, seed %d. Trained %d of %d epochs on"
                                        + " %s.",
                                spec.optimiser(),
                                spec.learningRate(),
                                spec.schedule() == null
                                        ? ""
                                        : " (x" + spec.schedule().factor() + " every "
                                                + spec.schedule().everyEpochs() + " epochs)",
                                spec.l2(),
                                spec.batchSize(),
                                spec.seed(),
                                run.epochsTrained(),
                                run.epochs(),
                                run.backend()),
                        keptEpoch(run),
                        augmentation(spec),
                        "Made with " + run.provenance().describe()),
                layers));
        sections.add(evaluationSection(e, run));
        sections.add(subgroupSection(e));
        var limitations = new ArrayList<String>();
        limitations.add(String.format(
                Locale.ROOT,
                "The test split has %s: the 95%% intervals above show how uncertain every figure is.",
                Plural.of(e.cases(), "case")));
        if (dataset.synthetic()) {
            limitations.add("The data are synthetic: the figures describe a made-up pattern, not a disease.");
        }
        limitations.add("One dataset from one source: no external validation, no test of dataset shift (another"
                + " hospital, scanner or population).");
        limitations.add("Probabilities are only as trustworthy as the calibration above shows; the threshold was"
                + " chosen by a trainee, not validated for a clinical purpose.");
        sections.add(new Section("Limitations", limitations, List.of()));
        return new ModelCard("Model card: run " + run.id() + ", " + design + " on " + dataset.name(), sections);
    }

    /** Where the card's threshold came from: locked on validation, locked after seeing the test split, or not locked. */
    private static String thresholdOrigin(Evaluation e) {
        if (e.lockedThreshold() == null) {
            return "No threshold was locked for this run: the figures are at a threshold set while looking at the test"
                    + " split.";
        }
        var where = "validation".equals(e.thresholdChosenOn())
                ? "chosen on the validation split and locked before the test split was opened"
                : "locked after the test figures had been shown (chosen on the test split: the figures at it are"
                        + " optimistic)";
        return String.format(Locale.ROOT, "Locked threshold %.2f, %s.", e.lockedThreshold(), where)
                + (Math.abs(e.lockedThreshold() - e.threshold()) > 1e-9
                        ? String.format(Locale.ROOT, " This card is at %.2f instead.", e.threshold())
                        : "");
    }

    /** Which epoch's weights the card describes, and whether more epochs may have helped. */
    private static String keptEpoch(RunInfo run) {
        var reading = KeptEpochReading.of(run);
        return reading != null ? reading : "No epoch ended, so the model keeps its starting weights.";
    }

    /** Whether, and how, the training images were changed; validation and test never are. */
    private static String augmentation(org.deeprounds.models.NetworkSpec spec) {
        var augmentation = spec.augmentation();
        if (augmentation == null || !augmentation.active()) {
            return "Augmentation: none.";
        }
        return "Augmentation: " + AugmentationRules.describe(augmentation)
                + ", drawn afresh for each training image every epoch; validation and test images were not changed.";
    }

    private static Section evaluationSection(Evaluation e, RunInfo run) {
        var paragraphs = new ArrayList<String>();
        var table = new ArrayList<List<String>>();
        table.add(List.of("Metric", "Value", "95% interval", "Interval method"));
        if (e.classes().size() == 2) {
            paragraphs.add(String.format(
                    Locale.ROOT,
                    "Test split: %s, %s positive ('%s'). Threshold %.2f: a case is called '%s' when its"
                            + " probability is at least this.",
                    Plural.of(e.cases(), "case"),
                    percent(e.prevalence()),
                    e.positiveClass(),
                    e.threshold(),
                    e.positiveClass()));
            paragraphs.add(thresholdOrigin(e));
            row(table, "AUC", e.auc());
            row(table, "Sensitivity", e.sensitivity());
            row(table, "Specificity", e.specificity());
            row(table, "PPV", e.ppv());
            row(table, "NPV", e.npv());
            row(table, "Accuracy", e.accuracy());
            row(table, "Balanced accuracy", e.balancedAccuracy());
            row(table, "F1", e.f1());
            var c = e.confusionMatrix();
            paragraphs.add("Confusion matrix: " + Plural.of(c.tp(), "true positive") + ", "
                    + Plural.of(c.fp(), "false positive") + ", " + Plural.of(c.tn(), "true negative") + ", "
                    + Plural.of(c.fn(), "false negative") + " (missed).");
            if (e.presets() != null) {
                for (var preset :
                        List.of(e.presets().ruleOutPreset(), e.presets().ruleInPreset())) {
                    paragraphs.add(presetLine(preset));
                }
            }
            if (e.threshold() < 1) {
                double all = NetBenefit.treatAll(e.prevalence(), e.threshold());
                paragraphs.add(String.format(
                        Locale.ROOT,
                        "Decision curve: at threshold %.2f the net benefit of acting on the model's calls is %.3f"
                                + " (true positives per case, less false positives per case weighted by"
                                + " %.2f/(1 − %.2f)), against %.3f for treating everyone and 0 for treating no one.",
                        e.threshold(),
                        NetBenefit.of(c.tp(), c.fp(), e.cases(), e.threshold()),
                        e.threshold(),
                        e.threshold(),
                        all));
            }
            paragraphs.add(String.format(
                    Locale.ROOT,
                    "Calibration: Brier score %.3f, expected calibration error %.3f (10 equal-width bins).",
                    e.calibration().brier(),
                    e.calibration().ece()));
        } else {
            paragraphs.add("Test split: " + Plural.of(e.cases(), "case") + "; macro-averaged one-vs-rest AUC "
                    + percent(e.macroAuc()) + ".");
            row(table, "Accuracy", e.accuracy());
            for (var p : e.perClass()) {
                row(table, "Sensitivity, " + p.label(), p.sensitivity());
                row(table, "AUC, " + p.label() + " vs rest", p.auc());
            }
        }
        for (var b : e.baselines()) {
            paragraphs.add("Baseline to beat: " + b.name() + " (" + b.description() + "): accuracy "
                    + percent(b.accuracy()) + ", AUC " + (b.auc() == null ? "–" : b.auc()) + ".");
        }
        if (run.kept() != null) {
            paragraphs.add(String.format(
                    Locale.ROOT,
                    "Validation loss at the kept epoch (%d): %.4f (validation chose the epoch; test did not).",
                    run.kept().epoch(),
                    run.kept().validationLoss()));
        }
        return new Section("Evaluation on the held-out test split", paragraphs, table);
    }

    private static Section subgroupSection(Evaluation e) {
        if (e.subgroups() == null || e.subgroups().isEmpty()) {
            return new Section(
                    "Subgroups",
                    List.of("No column of this dataset is marked as a sensitive attribute (such as sex or age band),"
                            + " so no subgroup analysis was made. Performance may differ between groups of patients;"
                            + " it has not been measured."),
                    List.of());
        }
        var table = new ArrayList<List<String>>();
        table.add(List.of("Group", "Test cases", "With the condition", "Sensitivity", "Specificity", "AUC"));
        var paragraphs = new ArrayList<String>();
        for (var report : e.subgroups()) {
            paragraphs.add("By " + report.column() + ": " + report.reading());
            if (report.smallSampleWarning() != null) {
                paragraphs.add("By " + report.column() + ": " + report.smallSampleWarning());
            }
            for (var g : report.groups()) {
                table.add(List.of(
                        g.group(),
                        Integer.toString(g.cases()),
                        Integer.toString(g.positives()),
                        percent(g.sensitivity().value()),
                        percent(g.specificity().value()),
                        percent(g.auc().value())));
            }
        }
        return new Section("Subgroups", paragraphs, table);
    }

    private static void row(List<List<String>> table, String name, Estimate estimate) {
        table.add(List.of(
                name,
                percent(estimate.value()),
                estimate.ciLow() == null
                        ? "–"
                        : String.format(
                                Locale.ROOT, "%.1f%% – %.1f%%", 100 * estimate.ciLow(), 100 * estimate.ciHigh()),
                estimate.method()));
    }

    /** A preset's aim, the threshold the validation split gave it and what it achieves on the test split. */
    private static String presetLine(Evaluation.Preset preset) {
        if (preset.threshold() == null) {
            return preset.aim() + ": " + preset.reading();
        }
        return String.format(
                Locale.ROOT,
                "%s: threshold %.2f, chosen on the validation split (sensitivity %s, specificity %s there); on the"
                        + " test split sensitivity %s, specificity %s.",
                preset.aim(),
                preset.threshold(),
                percent(preset.validationSensitivity()),
                percent(preset.validationSpecificity()),
                percent(preset.testSensitivity()),
                percent(preset.testSpecificity()));
    }

    private static String describe(LayerSpec layer) {
        return layer.describe();
    }

    private static String size(
            java.util.Map<String, org.deeprounds.datasets.model.DatasetSummary.SplitSummary> splits, String name) {
        var split = splits.get(name);
        return split == null ? "0" : Integer.toString(split.size());
    }

    private static String percent(Double value) {
        return value == null || !Double.isFinite(value) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "not recorded" : text;
    }

    /** GitHub-flavoured Markdown. */
    public String markdown() {
        var out = new StringBuilder("# ").append(title).append("\n\n");
        for (var section : sections) {
            out.append("## ").append(section.heading()).append("\n\n");
            for (var p : section.paragraphs()) {
                out.append(p).append("\n\n");
            }
            if (!section.table().isEmpty()) {
                var header = section.table().getFirst();
                out.append("| ")
                        .append(String.join(
                                " | ", header.stream().map(ModelCard::cell).toList()))
                        .append(" |\n|");
                header.forEach(h -> out.append("---|"));
                out.append("\n");
                for (var row : section.table().subList(1, section.table().size())) {
                    out.append("| ")
                            .append(String.join(
                                    " | ", row.stream().map(ModelCard::cell).toList()))
                            .append(" |\n");
                }
                out.append("\n");
            }
        }
        return out.toString();
    }

    /** A standalone HTML page with the same content. */
    public String html() {
        var out = new StringBuilder("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>")
                .append(escape(title))
                .append("</title><style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em;text-align:left}"
                        + ".warning{color:#b00020;font-weight:bold}</style></head><body><h1>")
                .append(escape(title))
                .append("</h1>");
        for (var section : sections) {
            out.append("<h2>").append(escape(section.heading())).append("</h2>");
            for (var p : section.paragraphs()) {
                out.append(p.equals(NOT_FOR_CLINICAL_USE) ? "<p class='warning'>" : "<p>")
                        .append(escape(p))
                        .append("</p>");
            }
            if (!section.table().isEmpty()) {
                out.append("<table><tr>");
                section.table()
                        .getFirst()
                        .forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
                out.append("</tr>");
                for (var row : section.table().subList(1, section.table().size())) {
                    out.append("<tr>");
                    row.forEach(c -> out.append("<td>").append(escape(c)).append("</td>"));
                    out.append("</tr>");
                }
                out.append("</table>");
            }
        }
        return out.append("</body></html>").toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;");
    }
}
