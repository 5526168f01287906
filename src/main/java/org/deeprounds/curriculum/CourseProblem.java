package org.deeprounds.curriculum;

/** One thing wrong in a course, where it is: {@code lessons/03-threshold.md line 12: dataset 'x' not found}. */
public record CourseProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? " line " + line : "") + ": " + message;
    }
}
