package org.deeprounds.evaluation.reader;

import java.util.List;
import java.util.Map;

/**
 * What a reader sees of one case, as {@code GET /api/v1/reader-studies/{id}/cases/{caseId}} returns it: the film, the
 * patient's row or the DNA sequence, never its file name, row id or label. The assisted phase adds the model's
 * probability of the positive class.
 *
 * @param position 1-based place of the case in this phase's order
 * @param imagePng a film as a base64 PNG, with its {@code width} and {@code height} in pixels (imaging)
 * @param values the patient's row, column to value, in the table's order (tables)
 * @param sequence the DNA sequence (genomics)
 * @param signal the beat lead by lead in {@code units}, its standardisation undone (signals)
 * @param leads the leads' names (signals)
 * @param samplingFrequency samples per second (signals; 0 when not known)
 * @param units of the signal's values, e.g. "mV" (signals; may be empty)
 * @param rPeak where the R peak sits in every beat of the dataset, in samples (signals; null when not known)
 */
public record ReaderCase(
        long studyId,
        String caseId,
        String phase,
        int position,
        int cases,
        String modality,
        List<String> classes,
        String positiveClass,
        String imagePng,
        int width,
        int height,
        Map<String, String> values,
        String sequence,
        Double modelProbability,
        float[][] signal,
        List<String> leads,
        double samplingFrequency,
        String units,
        Integer rPeak) {}
