package org.deeprounds.evaluation;

import java.util.List;
import java.util.Map;

/**
 * Why the model called one test case what it did. Imaging: {@code saliency} (how strongly each pixel's change would
 * move the explained class's score: the gradient's magnitude) and {@code occlusion} (how much covering a patch
 * around each pixel lowers that class's probability), both {@code height x width} and scaled to 0..1. Genomics:
 * {@code sequence} and {@code positionImportance} (in-silico mutagenesis: the largest drop in that class's
 * probability when the base at a position is changed). EHR: {@code contributions} (how much setting each input back
 * to the training average changes that probability). Signals: {@code overTime} (the signal and its saliency over
 * time). Unused fields are null.
 */
public record Explanation(
        String caseId,
        String trueLabel,
        Map<String, Double> probabilities,
        String explainedClass,
        double[][] saliency,
        double[][] occlusion,
        String sequence,
        double[] positionImportance,
        List<Contribution> contributions,
        float[] image,
        int height,
        int width,
        OverTime overTime) {

    /** An explanation of an image, DNA or table case (nothing over time). */
    public Explanation(
            String caseId,
            String trueLabel,
            Map<String, Double> probabilities,
            String explainedClass,
            double[][] saliency,
            double[][] occlusion,
            String sequence,
            double[] positionImportance,
            List<Contribution> contributions,
            float[] image,
            int height,
            int width) {
        this(
                caseId,
                trueLabel,
                probabilities,
                explainedClass,
                saliency,
                occlusion,
                sequence,
                positionImportance,
                contributions,
                image,
                height,
                width,
                null);
    }

    /**
     * A signal case explained over time.
     *
     * @param values the case lead by lead, in the dataset's units (standardisation undone)
     * @param leads the leads' names
     * @param saliency per sample, 0..1: how strongly a change at that moment (in any lead) would move the explained
     *     class's score, lightly smoothed over 20 ms so one noisy sample does not dominate
     * @param samplingFrequency samples per second (0: not known; the time axis is then in samples)
     * @param rPeak the beat's R peak within the window, where known
     */
    public record OverTime(
            float[][] values, List<String> leads, double[] saliency, double samplingFrequency, Integer rPeak) {}

    /** The same explanation under another name and without the true label: for a reader who must not see it. */
    public Explanation withoutLabel(String name) {
        return new Explanation(
                name,
                null,
                probabilities,
                explainedClass,
                saliency,
                occlusion,
                sequence,
                positionImportance,
                contributions,
                image,
                height,
                width,
                overTime);
    }

    /** One column's pull on the explained probability: positive when its value pushed towards the class. */
    public record Contribution(String feature, double effect) {}
}
