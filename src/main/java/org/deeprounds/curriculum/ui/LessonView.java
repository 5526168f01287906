package org.deeprounds.curriculum.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.deeprounds.curriculum.LessonMarkdown;
import org.deeprounds.curriculum.LessonState;
import org.deeprounds.curriculum.ProgressService;
import org.deeprounds.curriculum.Step;
import org.deeprounds.curriculum.StepOutcome;
import org.deeprounds.training.RunEvents;

/**
 * The lesson player: the steps on the left (each with ✓ or ✗ once checked, the text of the chosen step and what to do
 * in it), the live tool on the right (the dataset, the builder, the run training, its evaluation). Pass criteria are
 * checked by the app; a run that finishes is checked at once.
 */
@Route("lesson/:course/:lesson")
@PermitAll
public class LessonView extends SplitLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ProgressService progress;
    private final transient RunEvents events;
    private final VerticalLayout steps = new VerticalLayout();
    private final VerticalLayout content = new VerticalLayout();
    private final Div tool = new Div();
    private final Paragraph result = new Paragraph();
    private transient LessonState state;
    private transient Runnable unsubscribe;
    private String courseId;
    private String lessonId;
    private String stepId;
    private Long shownRun;
    private String shownRunStep;
    private transient List<String> lastFeedback = List.of();

    public LessonView(ProgressService progress, RunEvents events) {
        this.progress = progress;
        this.events = events;
        setSizeFull();
        setSplitterPosition(45);
        var left = new VerticalLayout(steps, content);
        left.setPadding(true);
        steps.setPadding(false);
        steps.setSpacing(false);
        steps.setId("lesson-steps");
        content.setPadding(false);
        content.setId("step-content");
        result.setId("step-result");
        tool.setSizeFull();
        tool.setId("lesson-tool");
        addToPrimary(left);
        addToSecondary(tool);
    }

    public static RouteParameters params(String courseId, String lessonId) {
        return new RouteParameters(new RouteParam("course", courseId), new RouteParam("lesson", lessonId));
    }

    @Override
    public String getPageTitle() {
        return state == null ? "Lesson" : state.lesson().title();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        courseId = event.getRouteParameters().get("course").orElse("");
        lessonId = event.getRouteParameters().get("lesson").orElse("");
        try {
            state = progress.open(courseId, lessonId);
        } catch (NoSuchElementException e) {
            removeAll();
            var missing = new VerticalLayout(new H2("Lesson not found"), new Paragraph(e.getMessage()));
            addToPrimary(missing);
            return;
        }
        stepId = state.current().step().id();
        render();
    }

    private void render() {
        steps.removeAll();
        var header = new H2(state.lesson().title());
        header.setId("lesson-title");
        long passed =
                state.steps().stream().filter(LessonState.StepState::passed).count();
        var summary = new Paragraph(state.course().title() + " · " + passed + " of "
                + state.steps().size() + " steps passed · " + state.secondsSpent() / 60 + " min so far");
        summary.setId("lesson-summary");
        steps.add(header, summary);
        if (state.passed()) {
            var done = new Span("✓ Lesson passed");
            done.setId("lesson-passed");
            done.getElement().getThemeList().add("badge success");
            steps.add(done);
        } else if (state.earlierVersionPassed()) {
            steps.add(
                    new Paragraph("You passed an earlier version of this lesson; your instructor has since changed it."
                            + " That pass still counts."));
        }
        if (!state.lesson().intro().isBlank()
                && state.steps().getFirst().step().id().equals(stepId)) {
            steps.add(markdown(state.lesson().intro()));
        }
        int i = 1;
        for (var s : state.steps()) {
            var mark = s.passed() ? "✓" : s.measured() != null ? "✗" : "○";
            var button = new Button(mark + " " + i++ + ". " + s.step().title(), e -> {
                stepId = s.step().id();
                result.setText("");
                lastFeedback = List.of();
                render();
            });
            button.setId("step-" + s.step().id());
            button.addThemeVariants(
                    s.step().id().equals(stepId) ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
            steps.add(button);
        }
        showStep(state.step(stepId));
    }

    private void showStep(LessonState.StepState s) {
        content.removeAll();
        var step = s.step();
        content.add(new H3(step.title()), markdown(step.markdown()));
        switch (step.kind()) {
            case READ -> content.add(doneButton("I have read this"));
            case EXPLORE -> {
                showTool("/dataset/" + progress.datasetIdOf(courseId, lessonId, step.id()));
                content.add(new Paragraph("The dataset is open on the right."), doneButton("I have explored the data"));
            }
            case BUILD -> {
                showTool(builderUrl(step));
                content.add(
                        new Paragraph("Design and train the network in the builder on the right: it starts from the "
                                + step.template() + " template on " + step.dataset()
                                + (step.locked().isEmpty()
                                        ? "."
                                        : "; the lesson fixes " + String.join(", ", step.locked()) + ".")),
                        action("Check my latest run", () -> progress.check(courseId, lessonId, step.id(), null)));
            }
            case TRAIN -> train(s);
            case EVALUATE -> evaluate(s);
            case REFLECT -> reflect(s);
            case QUIZ -> quiz(s);
        }
        if (step.pass() != null) {
            var criterion = new Paragraph("To pass: " + step.pass().label() + " "
                    + step.pass().op() + " " + step.pass().value());
            criterion.setId("step-criterion");
            content.add(criterion);
        }
        if (s.measured() != null && result.getText().isEmpty()) {
            result.setText((s.passed() ? "✓ " : "✗ ") + "Last check: " + s.measured());
        }
        content.add(result);
        if (s.comment() != null) {
            content.add(new Paragraph("Your instructor (" + s.commentedBy() + "): " + s.comment()));
        }
        getElement().executeJs("window.drRenderMath && window.drRenderMath(this)");
    }

    private void train(LessonState.StepState s) {
        var step = s.step();
        var settings = new ArrayList<String>();
        settings.add("template " + step.template());
        settings.add("dataset " + step.dataset());
        step.set().forEach((k, v) -> settings.add(k + " " + v));
        content.add(new Paragraph("Settings of this step: " + String.join(", ", settings) + "."));
        var train = new Button(
                "Train with these settings",
                e -> act(() -> {
                    var run = progress.train(courseId, lessonId, step.id());
                    shownRun = run.id();
                    shownRunStep = step.id();
                    state = progress.open(courseId, lessonId);
                    render();
                    return new StepOutcome(
                            false, "Run " + run.id() + " started; it is checked when it finishes.", List.of());
                }));
        train.setId("train-step");
        train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.add(train, action("Check", () -> progress.check(courseId, lessonId, step.id(), null)));
        if (s.runId() != null) {
            showTool("/run/" + s.runId());
            shownRun = s.runId();
            shownRunStep = step.id();
        }
    }

    private void evaluate(LessonState.StepState s) {
        var step = s.step();
        var runId = progress.runForEvaluation(courseId, lessonId, step.id());
        runId.ifPresent(id -> showTool("/evaluation/" + id));
        var threshold = new NumberField("Your threshold");
        threshold.setId("step-threshold");
        threshold.setMin(0);
        threshold.setMax(1);
        threshold.setStep(0.01);
        threshold.setValue(0.5);
        threshold.setHelperText("The threshold you chose on the evaluation page (0 to 1).");
        content.add(
                threshold,
                action(
                        step.deliverable() != null ? "Check and submit the model card" : "Check",
                        () -> progress.check(courseId, lessonId, step.id(), threshold.getValue())));
        if (runId.isEmpty()) {
            content.add(
                    new Paragraph("Train the lesson's network first: this step judges that run on its test split."));
        }
    }

    private void reflect(LessonState.StepState s) {
        var answer = new TextArea("Your answer");
        answer.setId("reflection");
        answer.setWidthFull();
        answer.setMinHeight("10em");
        answer.setMaxLength(10_000);
        answer.setHelperText("At least " + s.step().minWords() + " words; your instructor reads it.");
        if (s.answer() != null) {
            answer.setValue(s.answer());
        }
        content.add(
                answer,
                action(
                        "Save",
                        () -> progress.reflect(courseId, lessonId, s.step().id(), answer.getValue())));
    }

    private void quiz(LessonState.StepState s) {
        var groups = new ArrayList<Component>();
        int q = 0;
        for (var question : s.step().questions()) {
            var labels = question.options().stream().map(Step.Option::text).toList();
            Component group;
            if (question.multiple()) {
                var box = new CheckboxGroup<String>(question.text() + " (choose all that apply)");
                box.setItems(labels);
                box.addThemeVariants(com.vaadin.flow.component.checkbox.CheckboxGroupVariant.LUMO_VERTICAL);
                group = box;
            } else {
                var radio = new RadioButtonGroup<String>(question.text());
                radio.setItems(labels);
                radio.addThemeVariants(com.vaadin.flow.component.radiobutton.RadioGroupVariant.LUMO_VERTICAL);
                group = radio;
            }
            group.setId("question-" + q++);
            groups.add(group);
            content.add(group);
        }
        var feedback = new VerticalLayout();
        feedback.setId("quiz-feedback");
        feedback.setPadding(false);
        // The feedback of the last check stays under the questions until the trainee moves to another step.
        lastFeedback.forEach(f -> feedback.add(new Paragraph(f)));
        var check = new Button("Check answers", e -> {
            var chosen = new ArrayList<Set<Integer>>();
            for (int i = 0; i < groups.size(); i++) {
                var labels = s.step().questions().get(i).options().stream()
                        .map(Step.Option::text)
                        .toList();
                var picked = new java.util.TreeSet<Integer>();
                if (groups.get(i) instanceof CheckboxGroup<?> box) {
                    box.getSelectedItems().forEach(item -> picked.add(labels.indexOf(item.toString())));
                } else if (groups.get(i) instanceof RadioButtonGroup<?> radio && radio.getValue() != null) {
                    picked.add(labels.indexOf(radio.getValue().toString()));
                }
                chosen.add(picked);
            }
            try {
                var outcome = progress.answer(courseId, lessonId, s.step().id(), chosen);
                lastFeedback = outcome.feedback();
                showOutcome(outcome);
            } catch (IllegalArgumentException ex) {
                result.setText(ex.getMessage());
            }
        });
        check.setId("check-quiz");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.add(check, feedback);
    }

    private Button doneButton(String text) {
        var button = action(text, () -> progress.done(courseId, lessonId, stepId));
        button.setId("step-done");
        return button;
    }

    private Button action(String text, java.util.function.Supplier<StepOutcome> call) {
        var button = new Button(text, e -> act(call));
        button.setId("step-action-" + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
        return button;
    }

    private void act(java.util.function.Supplier<StepOutcome> call) {
        try {
            showOutcome(call.get());
        } catch (RuntimeException e) {
            result.setText(e.getMessage());
        }
    }

    private void showOutcome(StepOutcome outcome) {
        var keep = stepId;
        state = progress.open(courseId, lessonId);
        var message = outcome.message();
        // After a pass, go on to the next step not passed yet.
        if (outcome.passed() && state.step(keep).passed() && !state.passed()) {
            stepId = state.current().step().id();
        }
        render();
        result.setText(message);
    }

    /** The builder opened on the step's dataset and template, with its starting values and locks. */
    private String builderUrl(Step step) {
        var url = new StringBuilder("/builder?dataset=" + progress.datasetIdOf(courseId, lessonId, step.id())
                + "&template=" + step.template());
        step.set().forEach((k, v) -> url.append('&').append(k).append('=').append(v));
        if (!step.locked().isEmpty()) {
            url.append("&lock=").append(String.join(",", step.locked()));
        }
        return url.toString();
    }

    private void showTool(String path) {
        tool.removeAll();
        var frame = new IFrame(path);
        frame.setSizeFull();
        frame.getElement().setAttribute("title", "Lesson tool");
        frame.getStyle().set("border", "none").set("min-height", "85vh");
        tool.add(frame);
    }

    private Html markdown(String text) {
        return new Html(LessonMarkdown.html(text, courseId));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        ui.getPage().addStyleSheet("/webjars/katex/0.16.4/dist/katex.min.css");
        ui.getPage().addJavaScript("/webjars/katex/0.16.4/dist/katex.min.js");
        ui.getPage().addJavaScript("/lessons/dr-math.js");
        // A lesson run that finishes is checked at once, so the trainee sees ✓ or ✗ without asking.
        unsubscribe = events.subscribe(changed -> {
            var watched = shownRun;
            var step = shownRunStep;
            if (watched != null && changed == watched) {
                ui.access(() -> {
                    try {
                        progress.checkWhenFinished(courseId, lessonId, step, watched)
                                .ifPresent(outcome -> {
                                    if (stepId.equals(step)) {
                                        showOutcome(outcome);
                                    }
                                });
                    } catch (RuntimeException e) {
                        result.setText(e.getMessage());
                    }
                });
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
    }
}
