package org.deeprounds.datasets.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import org.deeprounds.datasets.io.SafeZip;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.ImportOptions;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.datasets.model.Splitter;
import org.deeprounds.datasets.model.Task;
import org.deeprounds.datasets.signal.BeatClasses;
import org.deeprounds.datasets.signal.BeatWindows;
import org.deeprounds.datasets.signal.WfdbSignals;
import org.deeprounds.datasets.signal.WfdbZip;

/**
 * Annotated ECG records (PhysioNet WFDB, {@link WfdbZip}) turned into beats: a window from 0.25 s before to 0.45 s
 * after each annotated beat, labelled by its annotation's class. Splits are made by record, since a record is one
 * patient and beats of one patient in two splits would let the test split reward remembering that patient. Chosen for
 * a {@code .zip} upload when {@code SIGNAL} is asked for.
 *
 * <p>Classes: the AAMI EC57 groups found in the records by default, or as asked, each item an annotation code ({@code
 * V}) or a named group ({@code pvc=V+E}).
 */
final class WfdbZipFormat implements DatasetFormat {

    static final double SECONDS_BEFORE = 0.25;
    static final double SECONDS_AFTER = 0.45;

    @Override
    public String id() {
        return "wfdb-zip";
    }

    @Override
    public List<String> extensions() {
        return List.of("zip");
    }

    @Override
    public Modality modality() {
        return Modality.SIGNAL;
    }

    @Override
    public DatasetSummary scan(Path source, ImportOptions options, ScanContext context) throws IOException {
        var name = context.fileName();
        boolean asked = !options.classNames().isEmpty();
        var classes = asked ? classesAsked(options.classNames(), name) : BeatClasses.aami();
        try (var zip = SafeZip.open(source, name, options.maxUncompressedBytes())) {
            var records = new ArrayList<RecordBeats>();
            var first = (WfdbZip.Record) null;
            BeatWindows windows = null;
            int offEdge = 0;
            int unclassed = 0;
            int missing = 0;
            for (var header : WfdbZip.headers(zip, name)) {
                var record = WfdbZip.read(zip, name, header, WfdbSignals.DEFAULT_MAX_SAMPLES);
                if (first == null) {
                    first = record;
                    windows = BeatWindows.seconds(
                            SECONDS_BEFORE, SECONDS_AFTER, record.header().samplingFrequency());
                }
                requireLike(first, record, name);
                var cut = windows.cut(record.leads(), record.beats(), classes);
                offEdge += cut.offEdge();
                unclassed += cut.unclassed();
                missing += cut.missingSamples();
                records.add(RecordBeats.of(
                        record.name(),
                        cut.windows(),
                        record.leads().length,
                        classes.names().size()));
            }
            var counts = new int[classes.names().size()];
            records.forEach(r -> r.labels().forEach(l -> counts[l]++));
            var kept = new LinkedHashMap<String, List<String>>();
            var newIndex = new int[counts.length];
            for (int c = 0; c < counts.length; c++) {
                if (counts[c] == 0 && asked) {
                    throw new DatasetFormatException(name + ": classNames: no beat of class '"
                            + classes.names().get(c) + "' (" + codesOf(classes, c) + ") in the records");
                }
                newIndex[c] = counts[c] == 0 ? -1 : kept.size();
                if (counts[c] > 0) {
                    kept.put(classes.names().get(c), codesOf(classes, c));
                }
            }
            if (kept.size() < 2) {
                throw new DatasetFormatException(name + ": the records hold beats of " + kept.size() + " class(es) "
                        + kept.keySet() + "; a classifier needs two or more");
            }
            var labelList = new ArrayList<Integer>();
            var groupList = new ArrayList<String>();
            for (var r : records) {
                for (int label : r.labels()) {
                    labelList.add(newIndex[label]);
                    groupList.add(r.name());
                }
            }
            var labels = labelList.stream().mapToInt(Integer::intValue).toArray();
            var splits = Splitter.grouped(
                    labels,
                    groupList.toArray(String[]::new),
                    options.seed(),
                    options.validationRatio(),
                    options.testRatio());
            var classNames = List.copyOf(kept.keySet());
            ScanContext.requireEveryClassInTrain(labels, splits, classNames, name);
            context.writeSplits(splits);

            int channels = first.leads().length;
            var training = new SignalScan(channels);
            var recordsBySplit = new LinkedHashMap<String, List<String>>();
            for (var split : Split.values()) {
                recordsBySplit.put(split.key(), new ArrayList<>());
            }
            var previews = new ArrayList<DatasetSummary.SignalPreview>();
            int at = 0;
            for (var r : records) {
                if (r.labels().isEmpty()) {
                    continue;
                }
                var split = splits[at];
                at += r.labels().size();
                recordsBySplit.get(split.key()).add(r.name());
                if (split == Split.TRAIN) {
                    training.addSums(r.sum(), r.squares(), r.samples());
                }
                for (var w : r.shown()) {
                    previews.add(SignalScan.preview(
                            r.name() + " @ " + w.sample(),
                            split,
                            classNames.get(newIndex[w.label()]),
                            w.values(),
                            channels,
                            windows.before(),
                            first.header().samplingFrequency()));
                }
            }
            var signal = new DatasetSummary.SignalSummary(
                    first.header().samplingFrequency(),
                    windows.length(),
                    channels,
                    WfdbZip.leadNames(first.header()),
                    first.header().signals().getFirst().units(),
                    windows.before(),
                    recordsBySplit,
                    kept,
                    training.means(),
                    training.stds(),
                    leftOut(offEdge, unclassed, missing, asked),
                    SignalScan.choose(previews, classNames));
            return new DatasetSummary(
                    Modality.SIGNAL,
                    Task.forClassCount(classNames.size()),
                    "WFDB records (zip)",
                    classNames,
                    ScanContext.positiveClass(classNames, options.positiveClass(), name),
                    ScanContext.splitSummaries(labels, splits, classNames),
                    new DatasetSummary.SplitPlan(
                            "GROUPED",
                            options.seed(),
                            options.validationRatio(),
                            options.testRatio(),
                            "record",
                            records.size()),
                    null,
                    null,
                    null,
                    null,
                    signal);
        }
    }

    @Override
    public void read(
            Path folder, DatasetSummary summary, byte[] splits, Set<Split> wanted, long maxUnpacked, Example.Sink sink)
            throws IOException {
        var signal = summary.signal();
        var classes = BeatClasses.of(new LinkedHashMap<>(signal.classCodes()));
        var windows = new BeatWindows(signal.windowBefore(), signal.length() - signal.windowBefore());
        var file = source(folder);
        var name = file.getFileName().toString();
        try (var zip = SafeZip.open(file, name, maxUnpacked)) {
            int at = 0;
            for (var header : WfdbZip.headers(zip, name)) {
                var record = WfdbZip.read(zip, name, header, WfdbSignals.DEFAULT_MAX_SAMPLES);
                for (var window :
                        windows.cut(record.leads(), record.beats(), classes).windows()) {
                    var split = Split.ofCode(splits[at++]);
                    if (wanted.contains(split)) {
                        sink.accept(new Example(SignalScan.standardised(window.values(), signal), window.label()));
                    }
                }
            }
        }
    }

    /** The beats of one record: labels in record order, sums for the statistics, a few windows to preview. */
    private record RecordBeats(
            String name,
            List<Integer> labels,
            double[] sum,
            double[] squares,
            long samples,
            List<BeatWindows.Window> shown) {

        static RecordBeats of(String name, List<BeatWindows.Window> windows, int channels, int classes) {
            var labels = new ArrayList<Integer>();
            var sum = new double[channels];
            var squares = new double[channels];
            var shown = new ArrayList<BeatWindows.Window>();
            var shownPerClass = new int[classes];
            long samples = 0;
            for (var window : windows) {
                labels.add(window.label());
                int length = window.values().length / channels;
                for (int c = 0; c < channels; c++) {
                    for (int t = 0; t < length; t++) {
                        double v = window.values()[c * length + t];
                        sum[c] += v;
                        squares[c] += v * v;
                    }
                }
                samples += length;
                if (shownPerClass[window.label()]++ < 1) {
                    shown.add(window);
                }
            }
            return new RecordBeats(name, List.copyOf(labels), sum, squares, samples, List.copyOf(shown));
        }
    }

    /** Items {@code V} (a class named by its code) or {@code pvc=V+E} (a named group of codes). */
    static BeatClasses classesAsked(List<String> items, String fileName) {
        SequencedMap<String, List<String>> groups = new LinkedHashMap<>();
        for (var item : items) {
            int eq = item.indexOf('=');
            var className = eq < 0 ? item.strip() : item.substring(0, eq).strip();
            var codes = eq < 0
                    ? List.of(item.strip())
                    : java.util.Arrays.stream(item.substring(eq + 1).split("[+ ]"))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
            if (groups.put(className, codes) != null) {
                throw new DatasetFormatException(fileName + ": classNames: class '" + className + "' is given twice");
            }
        }
        try {
            return BeatClasses.of(groups);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(fileName + ": classNames: " + e.getMessage()
                    + " (give annotation codes such as N,V or named groups such as normal=N+L+R,pvc=V)");
        }
    }

    private static List<String> codesOf(BeatClasses classes, int index) {
        return classes.classOf().entrySet().stream()
                .filter(e -> e.getValue() == index)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    private static void requireLike(WfdbZip.Record first, WfdbZip.Record record, String fileName) {
        if (record.header().samplingFrequency() != first.header().samplingFrequency()) {
            throw new DatasetFormatException(fileName + ": record " + record.name() + " is sampled at "
                    + record.header().samplingFrequency() + " Hz but record " + first.name() + " at "
                    + first.header().samplingFrequency() + " Hz; every record must share one sampling frequency");
        }
        if (record.leads().length != first.leads().length) {
            throw new DatasetFormatException(fileName + ": record " + record.name() + " has " + record.leads().length
                    + " signal(s) but record " + first.name() + " has " + first.leads().length
                    + "; every record must have the same leads");
        }
    }

    private static String leftOut(int offEdge, int unclassed, int missing, boolean asked) {
        var parts = new ArrayList<String>();
        if (offEdge > 0) {
            parts.add(offEdge + " beat(s) too near a record's start or end for a whole window");
        }
        if (unclassed > 0) {
            parts.add(unclassed + " beat(s) of types in no class" + (asked ? " asked for" : " (AAMI)"));
        }
        if (missing > 0) {
            parts.add(missing + " beat(s) with samples missing in the record");
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
