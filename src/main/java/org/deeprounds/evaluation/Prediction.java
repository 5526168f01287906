package org.deeprounds.evaluation;

import java.util.Map;

/**
 * One test case as {@code GET /api/v1/runs/{id}/predictions} returns it: its id, truth and predicted probabilities.
 *
 * @param caseId the stable id ("test-N", the N-th test case) the API and explanations take
 * @param name what the dataset calls the case (a patient table's id column, e.g. "P-0042"); null where it names none
 */
public record Prediction(String caseId, String trueLabel, Map<String, Double> probabilities, String name) {

    public Prediction(String caseId, String trueLabel, Map<String, Double> probabilities) {
        this(caseId, trueLabel, probabilities, null);
    }

    /** The name a person reads: the dataset's own where it has one, else the case id. */
    public String label() {
        return name == null || name.isBlank() ? caseId : name;
    }

    Prediction named(String newName) {
        return new Prediction(caseId, trueLabel, probabilities, newName);
    }
}
