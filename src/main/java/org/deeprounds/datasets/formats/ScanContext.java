package org.deeprounds.datasets.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Split;

/**
 * Where a scan writes: the split assignment (one byte per example, in file order) and preview files, both inside
 * the dataset's folder. Also builds the class and split part of the summary all modalities share.
 */
public final class ScanContext {

    public static final String SPLITS_FILE = "splits.bin";

    /** The upload as stored in the dataset's folder, {@code source.<extension>}. */
    public static final String SOURCE = "source";

    /** A FASTA file's labels CSV, as stored beside it. */
    public static final String LABELS = "labels.csv";

    /** The most columns a table may have unless configured otherwise. */
    public static final int DEFAULT_MAX_COLUMNS = 2000;

    public static final String PREVIEW_DIR = "preview";

    private final Path folder;
    private final String fileName;
    private final int maxColumns;

    ScanContext(Path folder, String fileName) {
        this(folder, fileName, DEFAULT_MAX_COLUMNS);
    }

    public ScanContext(Path folder, String fileName, int maxColumns) {
        this.folder = folder;
        this.fileName = fileName;
        this.maxColumns = maxColumns;
    }

    /** The most columns a table may have ({@code deeprounds.datasets.max-columns}). */
    int maxColumns() {
        return maxColumns;
    }

    /** The name the user knows the uploaded file by, for messages. */
    public String fileName() {
        return fileName;
    }

    Path previewDir() throws IOException {
        return Files.createDirectories(folder.resolve(PREVIEW_DIR));
    }

    void writeSplits(Split[] splits) throws IOException {
        var bytes = new byte[splits.length];
        for (int i = 0; i < splits.length; i++) {
            bytes[i] = splits[i].code();
        }
        Files.write(folder.resolve(SPLITS_FILE), bytes);
    }

    /** Per split: size and count per class name, keyed "train", "validation", "test". */
    static Map<String, DatasetSummary.SplitSummary> splitSummaries(int[] labels, Split[] splits, List<String> classes) {
        var result = new LinkedHashMap<String, DatasetSummary.SplitSummary>();
        for (var split : Split.values()) {
            var counts = new LinkedHashMap<String, Integer>();
            classes.forEach(c -> counts.put(c, 0));
            int size = 0;
            for (int i = 0; i < labels.length; i++) {
                if (splits[i] == split) {
                    size++;
                    counts.merge(classes.get(labels[i]), 1, Integer::sum);
                }
            }
            result.put(split.key(), new DatasetSummary.SplitSummary(size, counts));
        }
        return result;
    }

    /**
     * Class names for integer labels 0..{@code maxLabel}: the names given (one per label), else the labels themselves
     * ("0", "1", ...); a file with one class is refused, since a classifier needs two.
     */
    static List<String> classNames(List<String> given, int maxLabel, String fileName) {
        List<String> classes;
        if (!given.isEmpty()) {
            if (maxLabel >= given.size()) {
                throw new DatasetFormatException(fileName + ": label " + maxLabel + " is outside the class range 0.."
                        + (given.size() - 1) + " (" + given.size() + " class names given: " + given + ")");
            }
            classes = given;
        } else {
            classes = new ArrayList<>();
            for (int c = 0; c <= maxLabel; c++) {
                classes.add(Integer.toString(c));
            }
        }
        if (classes.size() < 2) {
            throw new DatasetFormatException(
                    fileName + ": the labels hold only one class; a classifier needs two or more");
        }
        return classes;
    }

    /** Label names that usually mean "the condition is present", for choosing a default positive class. */
    static final List<String> USUALLY_POSITIVE = List.of(
            "+", "1", "yes", "true", "positive", "pos", "malignant", "disease", "abnormal", "pneumonia", "promoter");

    /**
     * The positive ("disease") class: the one asked for; else, for a binary task, the class whose name usually
     * means "present" ("+", "1", "yes", "malignant", ...), else the second class.
     */
    static String positiveClass(List<String> classes, String requested, String fileName) {
        if (requested != null && !requested.isBlank()) {
            if (!classes.contains(requested.strip())) {
                throw new DatasetFormatException(
                        fileName + ": positive class '" + requested.strip() + "' is not one of the classes " + classes);
            }
            return requested.strip();
        }
        if (classes.size() != 2) {
            return null;
        }
        return classes.stream()
                .filter(c -> USUALLY_POSITIVE.contains(c.strip().toLowerCase(java.util.Locale.ROOT)))
                .findFirst()
                .orElse(classes.get(1));
    }

    /** Checks every split has at least one example of every class, so training and evaluation make sense. */
    static void requireEveryClassInTrain(int[] labels, Split[] splits, List<String> classes, String fileName) {
        var seen = new boolean[classes.size()];
        for (int i = 0; i < labels.length; i++) {
            if (splits[i] == Split.TRAIN) {
                seen[labels[i]] = true;
            }
        }
        var missing = new ArrayList<String>();
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                missing.add(classes.get(c));
            }
        }
        if (!missing.isEmpty()) {
            throw new DatasetFormatException(fileName + ": the training split has no example of class(es) " + missing);
        }
    }
}
