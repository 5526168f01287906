package org.deeprounds.datasets.formats;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.datasets.model.DatasetSummary;
import org.deeprounds.datasets.model.ImportOptions;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.datasets.model.Split;
import org.deeprounds.datasets.model.Splitter;
import org.deeprounds.datasets.model.Task;

/**
 * DNA sequences with a class each: FASTA with the label in the header ({@code >id class=LABEL} or {@code >id|LABEL}),
 * FASTA plus a CSV of {@code id,label}, or a CSV with a {@code sequence} column and a label column. Bases A, C, G, T
 * in either case; IUPAC ambiguity codes (N, R, Y, ...) are accepted and counted; anything else is refused with the
 * sequence and position. Read twice from disk (labels, then statistics), so memory does not grow with the file.
 */
final class SequenceScanner {

    static final String BASES = "ACGT";
    /** IUPAC codes for "one of several bases"; one-hot encoding spreads them evenly over those bases. */
    static final String AMBIGUITY = "NRYSWKMBDHV";

    static final int PREVIEWS_PER_CLASS = 4;
    static final int MAX_LENGTH = 100_000;
    private static final Pattern CLASS_IN_HEADER = Pattern.compile("(?:^|\\s)class=(\\S+)");
    private static final Pattern SPLIT_IN_HEADER = Pattern.compile("(?:^|\\s)split=(\\S*)");

    private SequenceScanner() {}

    /**
     * One sequence as read from the file.
     *
     * @param split the file's own split for it (a {@code split=} header tag or a {@code split} column); null if none
     */
    record Sequence(String id, String label, String bases, long line, Split split) {}

    interface SequenceVisitor {
        void accept(Sequence sequence) throws IOException;
    }

    static DatasetSummary scan(Path file, boolean csv, ImportOptions options, ScanContext context) throws IOException {
        var name = context.fileName();
        Map<String, String> labelsById =
                options.labelsFile() == null ? Map.of() : readLabels(options.labelsFile(), name);
        var labelNames = new ArrayList<String>();
        var lengths = new ArrayList<Integer>();
        var ids = new HashSet<String>();
        var idsInOrder = new ArrayList<String>();
        var copies = new DuplicateFinder();
        var given = new ArrayList<Split>();
        read(file, csv, options, name, labelsById, seq -> {
            if (!idsInOrder.isEmpty() && (seq.split() != null) != !given.isEmpty()) {
                throw new DatasetFormatException(name + " line " + seq.line() + ": sequence '" + seq.id() + "' "
                        + (seq.split() == null
                                ? "has no split, but the sequences before it have one"
                                : "has a split, but the sequences before it have none")
                        + "; give every sequence its split (train, validation or test) or none");
            }
            if (seq.split() != null) {
                given.add(seq.split());
            }
            if (!ids.add(seq.id())) {
                throw new DatasetFormatException(
                        name + " line " + seq.line() + ": sequence id '" + seq.id() + "' appears twice");
            }
            idsInOrder.add(seq.id());
            labelNames.add(seq.label());
            lengths.add(seq.bases().length());
            copies.add(new DuplicateFinder.Fingerprint().add(seq.bases()));
        });
        if (labelNames.isEmpty()) {
            throw new DatasetFormatException(name + ": the file holds no sequences");
        }
        var classes = List.copyOf(new TreeSet<>(labelNames));
        if (classes.size() < 2) {
            throw new DatasetFormatException(name + ": every sequence has the label '" + classes.getFirst()
                    + "'; a classifier needs two or more");
        }
        var labels = labelNames.stream().mapToInt(classes::indexOf).toArray();
        // Copies of one sequence share a split; without copies the split is the plain stratified one, as before.
        var found = copies.find();
        Split[] splits;
        DatasetSummary.SplitPlan plan;
        var duplicates = found.report("sequence", "their bases", labelNames::get, idsInOrder::get);
        if (!given.isEmpty()) {
            // The file's own split stands even where copies straddle it: the duplicate report says so.
            var completed = GivenSplits.complete(
                    given.toArray(Split[]::new), labels, found.any() ? found.groupKeys(null) : null, options, name);
            splits = completed.splits();
            plan = new DatasetSummary.SplitPlan(
                    "FILE",
                    completed.validationCarved() ? options.seed() : null,
                    completed.validationCarved() ? options.validationRatio() : null,
                    null,
                    null,
                    0);
            if (found.any()) {
                duplicates = duplicates.keptTogether(GivenSplits.together(splits, found.groupKeys(null)));
            }
        } else {
            splits = found.any()
                    ? Splitter.keepingTogether(
                            labels,
                            found.groupKeys(null),
                            options.seed(),
                            options.validationRatio(),
                            options.testRatio())
                    : Splitter.stratified(labels, options.seed(), options.validationRatio(), options.testRatio());
            plan = new DatasetSummary.SplitPlan(
                    "STRATIFIED", options.seed(), options.validationRatio(), options.testRatio(), null, 0);
        }
        ScanContext.requireEveryClassInTrain(labels, splits, classes, name);

        // Second pass: composition per class, ambiguity codes, previews.
        Map<String, long[]> counts = new LinkedHashMap<>();
        classes.forEach(c -> counts.put(c, new long[5]));
        var previews = new ArrayList<DatasetSummary.SequencePreview>();
        var shown = new HashMap<String, Integer>();
        var index = new int[] {0};
        long[] ambiguous = {0};
        read(file, csv, options, name, labelsById, seq -> {
            var split = splits[index[0]++];
            var c = counts.get(seq.label());
            for (int i = 0; i < seq.bases().length(); i++) {
                int base = BASES.indexOf(seq.bases().charAt(i));
                c[base < 0 ? 4 : base]++;
                if (base < 0) {
                    ambiguous[0]++;
                }
            }
            var key = split.key() + seq.label();
            if (shown.merge(key, 1, Integer::sum) <= PREVIEWS_PER_CLASS) {
                previews.add(new DatasetSummary.SequencePreview(seq.id(), seq.label(), split.key(), seq.bases()));
            }
        });
        context.writeSplits(splits);

        var composition = new LinkedHashMap<String, Map<String, Double>>();
        counts.forEach((label, c) -> {
            double total = c[0] + c[1] + c[2] + c[3] + c[4];
            var share = new LinkedHashMap<String, Double>();
            for (int b = 0; b < 4; b++) {
                share.put(String.valueOf(BASES.charAt(b)), ImageStats.round(c[b] / total));
            }
            share.put("other", ImageStats.round(c[4] / total));
            composition.put(label, share);
        });
        int min = lengths.stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = lengths.stream().mapToInt(Integer::intValue).max().orElse(0);
        double mean = lengths.stream().mapToInt(Integer::intValue).average().orElse(0);
        var lengthCounts = new TreeMap<Integer, Integer>();
        lengths.forEach(l -> lengthCounts.merge(l, 1, Integer::sum));
        int encoded = options.sequenceLength() != null ? options.sequenceLength() : max;
        if (encoded < 1 || encoded > MAX_LENGTH) {
            throw new DatasetFormatException(name + ": sequence length " + encoded + " must be 1 to " + MAX_LENGTH);
        }
        return new DatasetSummary(
                Modality.GENOMICS,
                Task.forClassCount(classes.size()),
                csv ? "CSV with sequence column" : options.labelsFile() != null ? "FASTA + labels CSV" : "FASTA",
                classes,
                ScanContext.positiveClass(classes, options.positiveClass(), name),
                ScanContext.splitSummaries(labels, splits, classes),
                plan,
                null,
                new DatasetSummary.GenomicsSummary(
                        encoded,
                        lengthPolicy(min, max, encoded),
                        min,
                        max,
                        ImageStats.round(mean),
                        lengthCounts.size() > 200 ? Map.of() : lengthCounts,
                        composition,
                        ambiguous[0],
                        previews,
                        csv ? labelColumn(file, options, name) : null),
                null,
                duplicates);
    }

    static String lengthPolicy(int min, int max, int encoded) {
        var base = "one-hot 4 x " + encoded + "; IUPAC codes spread evenly over their bases (N = 0.25 each)";
        if (min == max && max == encoded) {
            return "all sequences are " + encoded + " nt; " + base;
        }
        var parts = new ArrayList<String>();
        if (min < encoded) {
            parts.add("shorter ones padded at the end with N");
        }
        if (max > encoded) {
            parts.add("longer ones cropped at the end");
        }
        return String.join(", ", parts) + " to " + encoded + " nt; " + base;
    }

    /** Every sequence of a stored file, in file order (labels from the headers, a labels CSV or a label column). */
    static void forEach(Path file, boolean csv, ImportOptions options, String name, SequenceVisitor visitor)
            throws IOException {
        Map<String, String> labelsById =
                options.labelsFile() == null ? Map.of() : readLabels(options.labelsFile(), name);
        read(file, csv, options, name, labelsById, visitor);
    }

    private static void read(
            Path file,
            boolean csv,
            ImportOptions options,
            String name,
            Map<String, String> labelsById,
            SequenceVisitor visitor)
            throws IOException {
        if (csv) {
            readCsv(file, options, name, visitor);
        } else {
            readFasta(file, name, labelsById, visitor);
        }
    }

    private static void readFasta(Path file, String name, Map<String, String> labelsById, SequenceVisitor visitor)
            throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            String id = null;
            String label = null;
            Split split = null;
            long headerLine = 0;
            var bases = new StringBuilder();
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.startsWith(">")) {
                    if (id != null) {
                        visitor.accept(finish(name, id, label, bases, headerLine, labelsById, split));
                    }
                    var header = line.substring(1).strip();
                    var token = header.split("\\s+")[0];
                    if (token.isEmpty()) {
                        throw new DatasetFormatException(name + " line " + lineNo + ": header without a sequence id");
                    }
                    var classMatch = CLASS_IN_HEADER.matcher(header);
                    if (classMatch.find()) {
                        id = token;
                        label = classMatch.group(1);
                    } else if (token.contains("|")) {
                        id = token.substring(0, token.lastIndexOf('|'));
                        label = token.substring(token.lastIndexOf('|') + 1);
                    } else {
                        id = token;
                        label = null;
                    }
                    var splitMatch = SPLIT_IN_HEADER.matcher(header);
                    split = splitMatch.find() ? GivenSplits.parse(splitMatch.group(1), name, lineNo) : null;
                    headerLine = lineNo;
                    bases.setLength(0);
                } else if (!line.isBlank()) {
                    if (id == null) {
                        throw new DatasetFormatException(
                                name + " line " + lineNo + ": expected a header line starting with '>' before bases");
                    }
                    appendBases(name, id, headerLine, lineNo, line, bases);
                }
            }
            if (id != null) {
                visitor.accept(finish(name, id, label, bases, headerLine, labelsById, split));
            } else if (lineNo == 0) {
                throw new DatasetFormatException(name + ": the file is empty");
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DatasetFormatException(name + ": not a text file in UTF-8 or ASCII");
        }
    }

    private static void appendBases(
            String name, String id, long headerLine, long lineNo, String line, StringBuilder bases) {
        for (int i = 0; i < line.length(); i++) {
            char c = Character.toUpperCase(line.charAt(i));
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (BASES.indexOf(c) < 0 && AMBIGUITY.indexOf(c) < 0) {
                throw new DatasetFormatException(name + " line " + lineNo + ": sequence '" + id + "' position "
                        + (bases.length() + 1) + ": '" + line.charAt(i) + "' is not a DNA base (A, C, G, T) or IUPAC"
                        + " ambiguity code (" + AMBIGUITY + ")");
            }
            if (bases.length() >= MAX_LENGTH) {
                throw new DatasetFormatException(
                        name + " line " + headerLine + ": sequence '" + id + "' is longer than " + MAX_LENGTH + " nt");
            }
            bases.append(c);
        }
    }

    private static Sequence finish(
            String name,
            String id,
            String label,
            StringBuilder bases,
            long headerLine,
            Map<String, String> labelsById,
            Split split) {
        var resolved = label != null && !label.isBlank() ? label : labelsById.get(id);
        if (resolved == null || resolved.isBlank()) {
            throw new DatasetFormatException(name + " line " + headerLine + ": sequence '" + id + "' has no label;"
                    + " write '>" + id + " class=LABEL', '>" + id + "|LABEL', or upload a labels CSV of id,label");
        }
        if (bases.isEmpty()) {
            throw new DatasetFormatException(name + " line " + headerLine + ": sequence '" + id + "' has no bases");
        }
        return new Sequence(id, resolved.strip(), bases.toString(), headerLine, split);
    }

    private static Map<String, String> readLabels(Path labelsFile, String name) throws IOException {
        var labels = new HashMap<String, String>();
        var format = CSVFormat.DEFAULT
                .builder()
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (var parser = format.parse(Files.newBufferedReader(labelsFile, StandardCharsets.UTF_8))) {
            for (var record : parser) {
                if (record.size() < 2) {
                    throw new DatasetFormatException("labels CSV line " + parser.getCurrentLineNumber()
                            + ": expected two columns, id and label");
                }
                if (record.getRecordNumber() == 1 && record.get(0).equalsIgnoreCase("id")) {
                    continue;
                }
                labels.put(record.get(0), record.get(1));
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new DatasetFormatException("labels CSV for " + name + " is not valid CSV: " + e.getMessage());
        }
        return labels;
    }

    private static void readCsv(Path file, ImportOptions options, String name, SequenceVisitor visitor)
            throws IOException {
        var format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (var parser = format.parse(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            var header = parser.getHeaderNames();
            var sequenceColumn = find(header, List.of("sequence", "seq", "dna"));
            if (sequenceColumn == null) {
                throw new DatasetFormatException(
                        name + " line 1: no 'sequence' column (columns: " + String.join(", ", header) + ")");
            }
            var target = labelColumn(header, options, name);
            var idColumn = find(header, List.of("id", "name"));
            var splitColumn = find(header, List.of(GivenSplits.NAME));
            if (splitColumn != null && splitColumn.equals(target)) {
                splitColumn = null;
            }
            for (var record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != header.size()) {
                    throw new DatasetFormatException(
                            new TableLayout(header, false).raggedRow(name, line, record.toList()));
                }
                var id = idColumn == null ? "row" + record.getRecordNumber() : record.get(idColumn);
                var label = record.get(target);
                if (label.isBlank()) {
                    throw new DatasetFormatException(name + " line " + line + ": sequence '" + id + "' has no label");
                }
                var bases = new StringBuilder();
                appendBases(name, id, line, line, record.get(sequenceColumn), bases);
                if (bases.isEmpty()) {
                    throw new DatasetFormatException(name + " line " + line + ": sequence '" + id + "' has no bases");
                }
                var split = splitColumn == null ? null : GivenSplits.parse(record.get(splitColumn), name, line);
                visitor.accept(new Sequence(id, label, bases.toString(), line, split));
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new DatasetFormatException(name + ": not valid CSV: " + e.getMessage());
        }
    }

    /** The label column of a sequence CSV: the one named at import, else 'label', 'class' or 'target'. */
    static String labelColumn(Path file, ImportOptions options, String name) throws IOException {
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                var parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setTrim(true)
                        .get()
                        .parse(in)) {
            return labelColumn(parser.getHeaderNames(), options, name);
        }
    }

    private static String labelColumn(List<String> header, ImportOptions options, String name) {
        var target = options.targetColumn() != null && !options.targetColumn().isBlank()
                ? options.targetColumn().strip()
                : find(header, List.of("label", "class", "target"));
        if (target == null || !header.contains(target)) {
            throw new DatasetFormatException(name + " line 1: label column '" + (target == null ? "label" : target)
                    + "' not found (columns: " + String.join(", ", header) + "); name it with targetColumn");
        }
        return target;
    }

    private static String find(List<String> header, List<String> candidates) {
        for (var column : header) {
            if (candidates.contains(column.strip().toLowerCase(Locale.ROOT))) {
                return column;
            }
        }
        return null;
    }
}
