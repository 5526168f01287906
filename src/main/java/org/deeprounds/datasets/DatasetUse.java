package org.deeprounds.datasets;

/**
 * One thing that uses a dataset and would stop working without it: a training run or a lesson. Field names are part
 * of the API's 409 answer to a refused delete.
 *
 * @param kind "run" or "lesson"
 * @param id the run's number or the lesson's id
 * @param name what people call it, e.g. "Run 41: ehr-mlp, completed" or "Foundations: Reading a confusion matrix"
 * @param owner the user a run belongs to; null for lessons
 */
public record DatasetUse(String kind, String id, String name, String owner) {

    public static final String RUN = "run";
    public static final String LESSON = "lesson";
}
