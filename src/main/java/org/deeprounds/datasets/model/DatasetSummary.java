package org.deeprounds.datasets.model;

import java.util.List;
import java.util.Map;

/**
 * Everything an import learned about a dataset, stored as JSON with it: classes, split sizes and class counts,
 * how the splits were made, and the modality's own statistics and previews.
 *
 * @param splits keyed by {@link Split#key()}: "train", "validation", "test"
 * @param duplicates rows or sequences with identical content; null for images and for datasets imported before the
 *     check existed
 */
public record DatasetSummary(
        Modality modality,
        Task task,
        String format,
        List<String> classes,
        String positiveClass,
        Map<String, SplitSummary> splits,
        SplitPlan splitPlan,
        ImagingSummary imaging,
        GenomicsSummary genomics,
        TabularSummary tabular,
        Duplicates duplicates,
        SignalSummary signal) {

    /** A summary of images, DNA or a table (no signal part). */
    public DatasetSummary(
            Modality modality,
            Task task,
            String format,
            List<String> classes,
            String positiveClass,
            Map<String, SplitSummary> splits,
            SplitPlan splitPlan,
            ImagingSummary imaging,
            GenomicsSummary genomics,
            TabularSummary tabular,
            Duplicates duplicates) {
        this(
                modality,
                task,
                format,
                classes,
                positiveClass,
                splits,
                splitPlan,
                imaging,
                genomics,
                tabular,
                duplicates,
                null);
    }

    /**
     * What this dataset holds as its own sealed type: a {@code switch} over it is exhaustive, so adding a kind of data
     * makes the compiler list every place that must learn about it.
     */
    public ModalityData data() {
        return switch (modality) {
            case IMAGING -> new ModalityData.Images(imaging);
            case GENOMICS -> new ModalityData.Dna(genomics);
            case SIGNAL -> new ModalityData.Signals(signal);
            case EHR -> new ModalityData.Table(tabular);
        };
    }

    /** A summary without a duplicate check (images). */
    public DatasetSummary(
            Modality modality,
            Task task,
            String format,
            List<String> classes,
            String positiveClass,
            Map<String, SplitSummary> splits,
            SplitPlan splitPlan,
            ImagingSummary imaging,
            GenomicsSummary genomics,
            TabularSummary tabular) {
        this(modality, task, format, classes, positiveClass, splits, splitPlan, imaging, genomics, tabular, null);
    }

    /** Size and class counts of one split. */
    public record SplitSummary(int size, Map<String, Integer> classCounts) {}

    /**
     * How the splits were made.
     *
     * @param source {@code FILE} (the file's own), {@code STRATIFIED} (seeded, per class) or {@code GROUPED}
     *     (seeded, per class, all rows of one group, e.g. one patient, in one split)
     * @param validationRatio for {@code FILE}: null where the file gave validation itself, else the share of the
     *     file's training rows carved into validation (with {@code seed})
     */
    public record SplitPlan(
            String source, Long seed, Double validationRatio, Double testRatio, String groupColumn, int groups) {

        public String describe() {
            return switch (source) {
                case "FILE" ->
                    validationRatio == null
                            ? "the file's own train / validation / test splits"
                            : String.format(
                                    "the file's own train and test splits; validation carved from its training rows"
                                            + " (stratified by class; seed %d; %.0f%% of them)",
                                    seed, validationRatio * 100);
                case "GROUPED" ->
                    String.format(
                            "stratified by class, all rows of one '%s' in one split (%d groups); seed %d;"
                                    + " validation %.0f%%, test %.0f%%",
                            groupColumn, groups, seed, validationRatio * 100, testRatio * 100);
                default ->
                    String.format(
                            "stratified by class; seed %d; validation %.0f%%, test %.0f%%",
                            seed, validationRatio * 100, testRatio * 100);
            };
        }
    }

    /** Images: size, pixel statistics per split and preview files (under the dataset's preview folder). */
    public record ImagingSummary(
            int height, int width, int channels, Map<String, PixelStats> pixelStats, List<PreviewImage> previews) {}

    /** Mean, standard deviation, minimum and maximum of pixel values 0-255. */
    public record PixelStats(double mean, double std, int min, int max) {}

    /** One preview image stored as a PNG file. */
    public record PreviewImage(String split, String label, String file) {}

    /**
     * DNA sequences: lengths, base composition per class, ambiguity codes, a few sequences to show.
     *
     * @param labelColumn the label column of a sequence CSV; null for FASTA
     */
    public record GenomicsSummary(
            int encodedLength,
            String lengthPolicy,
            int minLength,
            int maxLength,
            double meanLength,
            Map<Integer, Integer> lengthCounts,
            Map<String, Map<String, Double>> compositionByClass,
            long ambiguousBases,
            List<SequencePreview> previews,
            String labelColumn) {}

    /**
     * Physiological signals (ECG first), each example {@code channels x length} samples.
     *
     * @param samplingFrequency samples per second; 0 when the file does not say and none was given at import
     * @param units of the stored values, e.g. "mV"; empty when not known
     * @param windowBefore where the R peak sits in each example (samples before it): exact for beats cut from
     *     annotated records, the median largest deflection for beat-length signals imported as they are; null for
     *     longer strips
     * @param recordsBySplit for beats cut from records: the records in each split, keyed "train", "validation",
     *     "test" (a record, one patient's recording, is in one split only); empty otherwise
     * @param classCodes for beats cut from records: the annotation codes each class stands for; empty otherwise
     * @param trainMean per lead, over the training split: values are standardised with it and {@code trainStd}
     * @param leftOut beats not used and why, in words; null when none
     */
    public record SignalSummary(
            double samplingFrequency,
            int length,
            int channels,
            List<String> leads,
            String units,
            Integer windowBefore,
            Map<String, List<String>> recordsBySplit,
            Map<String, List<String>> classCodes,
            List<Double> trainMean,
            List<Double> trainStd,
            String leftOut,
            List<SignalPreview> previews) {

        /** Seconds covered by one example; 0 when the sampling frequency is not known. */
        public double seconds() {
            return samplingFrequency > 0 ? length / samplingFrequency : 0;
        }
    }

    /**
     * One example to show: its values lead by lead in the stored units, and the R peaks found in it (sample
     * indices: the annotated beat for windows cut from records, else a detector's).
     */
    public record SignalPreview(String id, String split, String label, float[][] values, int[] rPeaks) {}

    /** One sequence to show (upper case, as stored). */
    public record SequencePreview(String id, String label, String split, String sequence) {}

    /**
     * A patient table: its columns with types and statistics, and its first rows.
     *
     * @param header the column names, from the file's first row or, for a file without a header row, as given (or
     *     generated) at import
     * @param headerless the file has no header row: its first row is data (false for tables imported before this was
     *     recorded, which all had one)
     */
    public record TabularSummary(
            String targetColumn,
            String groupColumn,
            String idColumn,
            List<String> sensitiveColumns,
            List<ColumnSummary> columns,
            List<String> header,
            List<List<String>> previewRows,
            int rows,
            boolean missingIndicators,
            boolean headerless) {

        /**
         * Inputs per example once encoded: one per numeric or binary column, one per category of a categorical
         * column, plus a 0/1 'was missing' input per used column with gaps when {@code missingIndicators} is on.
         */
        public int encodedFeatures() {
            int features = 0;
            for (var column : columns) {
                int width = switch (column.type()) {
                    case NUMERIC, BINARY -> 1;
                    case CATEGORICAL -> Math.max(1, column.categories().size());
                    case IDENTIFIER, IGNORE, TARGET -> 0;
                };
                features += width;
                if (width > 0 && missingIndicators && column.missing() > 0) {
                    features++;
                }
            }
            return features;
        }

        /** Which encoded inputs {@code [from, to)} come from one column (its missing-value flag included). */
        public record FeatureRange(String column, int from, int to) {}

        /** The encoded inputs per used column, in encoding order (see {@link #encodedFeatures()}). */
        public List<FeatureRange> featureRanges() {
            var ranges = new java.util.ArrayList<FeatureRange>();
            int at = 0;
            for (var column : columns) {
                int width = switch (column.type()) {
                    case NUMERIC, BINARY -> 1;
                    case CATEGORICAL -> Math.max(1, column.categories().size());
                    case IDENTIFIER, IGNORE, TARGET -> 0;
                };
                if (width == 0) {
                    continue;
                }
                if (missingIndicators && column.missing() > 0) {
                    width++;
                }
                ranges.add(new FeatureRange(column.name(), at, at + width));
                at += width;
            }
            return List.copyOf(ranges);
        }

        /** The same table with other column types and missing-value setting. */
        public TabularSummary withColumns(List<ColumnSummary> newColumns, boolean indicators) {
            return new TabularSummary(
                    targetColumn,
                    groupColumn,
                    idColumn,
                    sensitiveColumns,
                    newColumns,
                    header,
                    previewRows,
                    rows,
                    indicators,
                    headerless);
        }

        /** The columns whose values look like codes for categories but are used as numbers: column to suggested type. */
        public Map<String, ColumnType> suggestedTypes() {
            var suggested = new java.util.LinkedHashMap<String, ColumnType>();
            for (var column : columns) {
                if (column.suggestedType() != null && column.suggestedType() != column.type()) {
                    suggested.put(column.name(), column.suggestedType());
                }
            }
            return suggested;
        }
    }

    /**
     * One column. Imputation and normalisation values ({@code train*}) are fitted on the training split only.
     *
     * @param histogram counts per bin (numeric) or per category (categorical), labelled by {@code histogramLabels}
     * @param categories every distinct value, sorted, when there are at most 50 (the one-hot encoding); else empty
     * @param wholeNumbers every value present is a whole number (ages, counts): statistics are shown without
     *     decimals; false for tables imported before this was recorded
     * @param suggestedType a type the import suggests but did not apply, for the user to accept or not: {@code
     *     CATEGORICAL} for whole numbers with a few values (codes 1-4 for a symptom type); null for none
     */
    public record ColumnSummary(
            String name,
            ColumnType type,
            int missing,
            int distinct,
            Double min,
            Double max,
            Double mean,
            Double trainMedian,
            Double trainMean,
            Double trainStd,
            String trainMode,
            List<String> histogramLabels,
            List<Integer> histogram,
            boolean sensitive,
            List<String> categories,
            boolean wholeNumbers,
            ColumnType suggestedType) {

        /** Why {@link #suggestedType} is suggested, for the dataset page and the column types dialog. */
        public String suggestion() {
            if (suggestedType != ColumnType.CATEGORICAL) {
                return null;
            }
            return "Only " + categories.size() + " different whole numbers (" + String.join(", ", categories)
                    + "): if they are codes for kinds (e.g. 1-4 for a type of symptom), use categorical; if they"
                    + " are an ordered score or a count, keep numeric.";
        }

        public ColumnSummary withType(ColumnType newType) {
            return new ColumnSummary(
                    name,
                    newType,
                    missing,
                    distinct,
                    min,
                    max,
                    mean,
                    trainMedian,
                    trainMean,
                    trainStd,
                    trainMode,
                    histogramLabels,
                    histogram,
                    sensitive,
                    categories,
                    wholeNumbers,
                    suggestedType);
        }
    }

    public DatasetSummary withTabular(TabularSummary newTabular) {
        return new DatasetSummary(
                modality,
                task,
                format,
                classes,
                positiveClass,
                splits,
                splitPlan,
                imaging,
                genomics,
                newTabular,
                duplicates,
                signal);
    }
}
