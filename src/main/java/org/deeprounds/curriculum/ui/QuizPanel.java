package org.deeprounds.curriculum.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.deeprounds.curriculum.LessonState;
import org.deeprounds.curriculum.QuizOrder;
import org.deeprounds.curriculum.Step;
import org.deeprounds.curriculum.StepOutcome;

/**
 * A quiz step: each question with its options in the trainee's own order ({@link QuizOrder}), checked as a whole.
 * After a check the choices stay and each chosen option shows its feedback under its question, until the trainee
 * moves on; the last answers are shown again when the lesson is reopened.
 */
class QuizPanel extends Div {

    private static final Pattern ANSWER_SET = Pattern.compile("\\[([0-9, ]*)]");

    private final transient Step step;
    private final transient UnaryOperator<String> fill;
    private final List<HasValue<?, ?>> groups = new ArrayList<>();
    private final List<Div> feedback = new ArrayList<>();
    private final Paragraph message = new Paragraph();
    private final Paragraph attempts = new Paragraph();
    private final Button check = new Button("Check answers");

    QuizPanel(
            LessonState.StepState state,
            String username,
            String lessonId,
            UnaryOperator<String> fill,
            Function<List<Set<Integer>>, StepOutcome> answer,
            Supplier<LessonState.StepState> current) {
        this.step = state.step();
        this.fill = fill;
        setId("quiz");
        addClassName("dr-quiz");
        int q = 0;
        for (var question : step.questions()) {
            var order = QuizOrder.of(
                    username, lessonId, step.id(), q, question.options().size());
            var text = new Paragraph((q + 1) + ". " + fill.apply(question.text())
                    + (question.multiple() ? " (choose all that apply)" : ""));
            text.addClassName("dr-quiz-question");
            text.setId("question-text-" + q);
            Component group;
            if (question.multiple()) {
                var box = new CheckboxGroup<Integer>();
                box.setItems(order);
                box.setItemLabelGenerator(
                        i -> fill.apply(question.options().get(i).text()));
                box.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
                box.setAriaLabel("Question " + (q + 1));
                groups.add(box);
                group = box;
            } else {
                var radio = new RadioButtonGroup<Integer>();
                radio.setItems(order);
                radio.setItemLabelGenerator(
                        i -> fill.apply(question.options().get(i).text()));
                radio.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
                radio.setAriaLabel("Question " + (q + 1));
                groups.add(radio);
                group = radio;
            }
            group.setId("question-" + q);
            var notes = new Div();
            notes.setId("question-feedback-" + q);
            notes.addClassName("dr-quiz-feedback");
            feedback.add(notes);
            add(text, group, notes);
            q++;
        }
        message.setId("quiz-message");
        attempts.setId("quiz-attempts");
        check.addClickListener(e -> {
            var chosen = chosen();
            try {
                answer.apply(chosen);
                message.setText("");
                showFeedback(chosen);
            } catch (IllegalArgumentException ex) {
                message.setText(ex.getMessage());
            }
            showAttempts(current.get());
        });
        check.setId("check-quiz");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(attempts, check, message);
        showAttempts(state);
        var previous = parse(state.answer());
        if (previous.size() == groups.size() && state.measured() != null) {
            select(previous);
            showFeedback(previous);
        }
    }

    /** How many attempts the trainee has used, of how many; no more checks once a limit is reached. */
    private void showAttempts(LessonState.StepState state) {
        var limited = state.step().limitsAttempts();
        if (state.attempts() == 0 && !limited) {
            attempts.setText("");
        } else if (limited) {
            attempts.setText(
                    "Attempts used: " + state.attempts() + " of " + state.step().attempts() + "."
                            + (state.firstScore() == null
                                    ? ""
                                    : " First attempt: " + Math.round(state.firstScore() * 100) + "% right."));
        } else {
            attempts.setText("Attempts so far: " + state.attempts() + "."
                    + (state.firstScore() == null
                            ? ""
                            : " First attempt: " + Math.round(state.firstScore() * 100) + "% right."));
        }
        boolean open = state.canAttempt() && !state.passed();
        check.setEnabled(open);
        groups.forEach(g -> g.setReadOnly(!open));
        if (!state.canAttempt() && !state.passed()) {
            message.setText("You have used all " + state.step().attempts() + " attempts at this quiz; your instructor"
                    + " can see your answers.");
        }
    }

    private List<Set<Integer>> chosen() {
        var chosen = new ArrayList<Set<Integer>>();
        for (var group : groups) {
            var picked = new TreeSet<Integer>();
            if (group instanceof CheckboxGroup<?> box) {
                box.getSelectedItems().forEach(i -> picked.add((Integer) i));
            } else if (group instanceof RadioButtonGroup<?> radio && radio.getValue() != null) {
                picked.add((Integer) radio.getValue());
            }
            chosen.add(picked);
        }
        return chosen;
    }

    @SuppressWarnings("unchecked")
    private void select(List<Set<Integer>> answers) {
        for (int q = 0; q < groups.size(); q++) {
            var picked = answers.get(q);
            if (groups.get(q) instanceof CheckboxGroup<?> box) {
                ((CheckboxGroup<Integer>) box).setValue(picked);
            } else if (groups.get(q) instanceof RadioButtonGroup<?> radio && !picked.isEmpty()) {
                ((RadioButtonGroup<Integer>) radio).setValue(picked.iterator().next());
            }
        }
    }

    /** Under each question, the feedback of each option chosen, marked right or wrong. */
    private void showFeedback(List<Set<Integer>> chosen) {
        for (int q = 0; q < feedback.size(); q++) {
            var notes = feedback.get(q);
            notes.removeAll();
            var options = step.questions().get(q).options();
            for (int o : chosen.get(q)) {
                if (o < 0 || o >= options.size()) {
                    continue;
                }
                var option = options.get(o);
                var line = new Paragraph((option.correct() ? "✓ " : "✗ ") + fill.apply(option.feedback()));
                line.addClassName(option.correct() ? "dr-quiz-right" : "dr-quiz-wrong");
                notes.add(line);
            }
        }
    }

    /** The stored answer, e.g. {@code [[0], [1, 2]]}: option positions per question. */
    static List<Set<Integer>> parse(String stored) {
        var answers = new ArrayList<Set<Integer>>();
        if (stored == null || !stored.startsWith("[[")) {
            return answers;
        }
        var m = ANSWER_SET.matcher(stored.substring(1, stored.length() - 1));
        while (m.find()) {
            var set = new TreeSet<Integer>();
            for (var part : m.group(1).split(",")) {
                if (!part.isBlank()) {
                    set.add(Integer.parseInt(part.strip()));
                }
            }
            answers.add(set);
        }
        return answers;
    }
}
