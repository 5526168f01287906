package org.deeprounds.curriculum;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lesson text that quotes the trainee's own results: {@code {{result:STEP}}} is what the app measured for the step
 * with id STEP (as the step's check showed it) and {@code {{percent:STEP}}} the same as a percentage. So a question
 * can ask about the accuracy the trainee's run reached instead of a number that was true for the author's run.
 */
public final class LessonText {

    /** A reference to a step's result, as written in a lesson file. */
    public static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{\\s*(result|percent|threshold|tp|fp|tn|fn)\\s*:\\s*([A-Za-z0-9_-]+)\\s*}}");

    /** Placeholders that quote an evaluate step's locked threshold and confusion matrix on the test split. */
    public static final java.util.List<String> FIGURES = java.util.List.of("threshold", "tp", "fp", "tn", "fn");

    private LessonText() {}

    /**
     * The text with each placeholder replaced by the trainee's result, or by words saying it is not there yet.
     * {@code measuredByStep} maps a step id to its result, and {@code "tp:STEP"} (and the other {@link #FIGURES}) to
     * that figure of an evaluate step.
     */
    public static String fill(String text, Map<String, String> measuredByStep) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            var kind = m.group(1);
            var measured = FIGURES.contains(kind)
                    ? measuredByStep.get(kind + ":" + m.group(2))
                    : measuredByStep.get(m.group(2));
            String value;
            if (measured == null) {
                value = "(your result, once step '" + m.group(2) + "' is done)";
            } else if (kind.equals("percent")) {
                value = percent(measured);
            } else {
                value = measured;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String percent(String measured) {
        try {
            double value = Double.parseDouble(measured.strip());
            return String.format(Locale.ROOT, "%.0f%%", value * 100);
        } catch (NumberFormatException e) {
            return measured;
        }
    }
}
