package org.deeprounds.datasets.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeprounds.datasets.io.SafeZip;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.Example;
import org.deeprounds.datasets.model.ImportOptions;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.datasets.model.Task;
import org.deeprounds.datasets.signal.SignalNpz;

/**
 * Fixed-length signals in a MedMNIST-like {@code .npz} ({@link SignalNpz}): beats or strips cut elsewhere, with the
 * file's own splits. Chosen for an {@code .npz} upload when {@code SIGNAL} is asked for.
 */
final class SignalNpzFormat implements DatasetFormat {

    private static final Map<String, Split> SPLITS =
            Map.of("train", Split.TRAIN, "val", Split.VALIDATION, "test", Split.TEST);

    @Override
    public String id() {
        return "signal-npz";
    }

    @Override
    public List<String> extensions() {
        return List.of("npz");
    }

    @Override
    public Modality modality() {
        return Modality.SIGNAL;
    }

    @Override
    public DatasetSummary scan(Path source, ImportOptions options, ScanContext context) throws IOException {
        var name = context.fileName();
        double hertz = hertz(options.samplingFrequency(), name);
        try (var zip = SafeZip.open(source, name, options.maxUncompressedBytes())) {
            var labels = new ArrayList<Integer>();
            var splits = new ArrayList<Split>();
            var candidates = new ArrayList<Candidate>();
            var perClass = new HashMap<String, Integer>();
            var shape = SignalNpz.read(zip, name, SignalNpz.SPLITS, (split, index, values, label) -> {
                var s = SPLITS.get(split);
                labels.add(label);
                splits.add(s);
                var key = split + "/" + label;
                if (perClass.merge(key, 1, Integer::sum) <= SignalScan.PREVIEWS_PER_CLASS) {
                    candidates.add(new Candidate(split + "-" + index, s, label, values.clone()));
                }
            });
            // The statistics need the channel count, known only once the arrays are open: a second pass over training.
            var training = new SignalScan(shape.channels());
            boolean beats = SignalScan.isBeatLength(shape.length(), hertz);
            var peaks = new ArrayList<Integer>();
            SignalNpz.read(zip, name, List.of("train"), (split, index, values, label) -> {
                training.addTraining(values);
                if (beats) {
                    peaks.add(SignalScan.peaksOf(java.util.Arrays.copyOf(values, shape.length()), hertz)[0]);
                }
            });
            peaks.sort(null);
            Integer rPeak = peaks.isEmpty() ? null : peaks.get(peaks.size() / 2);
            int maxLabel = labels.stream().mapToInt(Integer::intValue).max().orElse(-1);
            var classes = ScanContext.classNames(options.classNames(), maxLabel, name);
            var labelArray = labels.stream().mapToInt(Integer::intValue).toArray();
            var splitArray = splits.toArray(Split[]::new);
            ScanContext.requireEveryClassInTrain(labelArray, splitArray, classes, name);
            context.writeSplits(splitArray);
            var previews = new ArrayList<DatasetSummary.SignalPreview>();
            for (var c : candidates) {
                previews.add(SignalScan.preview(
                        c.id(), c.split(), classes.get(c.label()), c.values(), shape.channels(), null, hertz));
            }
            var leads = new ArrayList<String>();
            for (int c = 0; c < shape.channels(); c++) {
                leads.add("lead " + (c + 1));
            }
            var signal = new DatasetSummary.SignalSummary(
                    hertz,
                    shape.length(),
                    shape.channels(),
                    List.copyOf(leads),
                    "",
                    rPeak,
                    Map.of(),
                    Map.of(),
                    training.means(),
                    training.stds(),
                    null,
                    SignalScan.choose(previews, classes));
            return new DatasetSummary(
                    Modality.SIGNAL,
                    Task.forClassCount(classes.size()),
                    "signal npz",
                    List.copyOf(classes),
                    ScanContext.positiveClass(classes, options.positiveClass(), name),
                    ScanContext.splitSummaries(labelArray, splitArray, classes),
                    new DatasetSummary.SplitPlan("FILE", null, null, null, null, 0),
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
        var file = source(folder);
        var names = SignalNpz.SPLITS.stream()
                .filter(s -> wanted.contains(SPLITS.get(s)))
                .toList();
        try (var zip = SafeZip.open(file, file.getFileName().toString(), maxUnpacked)) {
            SignalNpz.read(
                    zip,
                    file.getFileName().toString(),
                    names,
                    (split, index, values, label) ->
                            sink.accept(new Example(SignalScan.standardised(values, summary.signal()), label)));
        }
    }

    private record Candidate(String id, Split split, int label, float[] values) {}

    static double hertz(Double given, String fileName) {
        if (given == null) {
            return 0;
        }
        if (!(given >= 1 && given <= 100_000)) {
            throw new DatasetFormatException(fileName + ": samplingFrequency " + given
                    + " Hz is not a sampling rate; give samples per second from 1 to 100000 (e.g. 360 for MIT-BIH)");
        }
        return given;
    }
}
