package org.deeprounds.curriculum.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.deeprounds.curriculum.LessonMarkdown;
import org.deeprounds.curriculum.LessonState;
import org.deeprounds.curriculum.LessonText;
import org.deeprounds.curriculum.ProgressService;
import org.deeprounds.curriculum.StepKind;
import org.deeprounds.curriculum.StepOutcome;
import org.deeprounds.datasets.ui.DatasetView;
import org.deeprounds.evaluation.ui.EvaluationView;
import org.deeprounds.training.RunEvents;
import org.deeprounds.training.ui.BuilderView;
import org.deeprounds.training.ui.RunView;

/**
 * The lesson player: the lesson's text and steps in a panel of their own that scrolls (wheel, keyboard, touch), and
 * beside it, or under it on narrow screens, the step's tool: the same dataset, builder, run and evaluation components
 * the app's own pages use. Pass criteria are checked by the app; a run that finishes is checked at once.
 */
@Route("lesson/:course/:lesson")
@PermitAll
public class LessonView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ProgressService progress;
    private final transient org.deeprounds.evaluation.ThresholdLocks thresholdLocks;
    private final transient RunEvents events;
    private final String username;
    private final VerticalLayout steps = new VerticalLayout();
    private final VerticalLayout content = new VerticalLayout();
    private final Div text = new Div(steps, content);
    private final Div tool = new Div();
    private final Paragraph result = new Paragraph();
    /** The builder of each build step, kept while the page is open so a redraw never loses the trainee's design. */
    private final Map<String, BuilderView> builders = new HashMap<>();
    /** Build steps where the trainee went back from their run to their design. */
    private final Set<String> showingDesign = new java.util.HashSet<>();

    private transient LessonState state;
    private transient Runnable unsubscribe;
    private String courseId;
    private String lessonId;
    private String stepId;
    private Long shownRun;
    private String shownRunStep;

    public LessonView(
            ProgressService progress,
            RunEvents events,
            AuthenticationContext authentication,
            org.deeprounds.evaluation.ThresholdLocks thresholdLocks) {
        this.progress = progress;
        this.thresholdLocks = thresholdLocks;
        this.events = events;
        this.username = authentication.getPrincipalName().orElse("");
        addClassName("dr-lesson");
        text.addClassName("dr-lesson-text");
        text.setId("lesson-text");
        // Focusable, so the arrow and page keys scroll the text once it is clicked or tabbed to.
        text.getElement().setAttribute("tabindex", "0");
        text.getElement().setAttribute("aria-label", "Lesson text");
        steps.setPadding(false);
        steps.setSpacing(false);
        steps.setId("lesson-steps");
        content.setPadding(false);
        content.setId("step-content");
        result.setId("step-result");
        result.getElement().setAttribute("aria-live", "polite");
        tool.addClassName("dr-lesson-tool");
        tool.setId("lesson-tool");
        add(text, tool);
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
            steps.removeAll();
            content.removeAll();
            steps.add(new H2("Lesson not found"), new Paragraph(e.getMessage()));
            showTextOnly(true);
            return;
        }
        stepId = state.current().step().id();
        renderSteps();
        showStep();
    }

    /** The lesson's title, summary and the list of steps (each with ✓, ✗ or ○). */
    private void renderSteps() {
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
        var list = new Div();
        list.addClassName("dr-lesson-step-list");
        int i = 1;
        for (var s : state.steps()) {
            var mark = s.passed() ? "✓" : s.measured() != null ? "✗" : "○";
            var button = new Button(
                    mark + " " + i++ + ". " + s.step().title(),
                    e -> goTo(s.step().id()));
            button.setId("step-" + s.step().id());
            button.addThemeVariants(
                    s.step().id().equals(stepId) ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
            list.add(button);
        }
        steps.add(list);
    }

    private void goTo(String id) {
        stepId = id;
        result.setText("");
        renderSteps();
        showStep();
        text.getElement().executeJs("this.scrollTop = 0");
    }

    /** The text of the chosen step, what to do in it, and its tool. */
    private void showStep() {
        var s = state.step(stepId);
        var step = s.step();
        content.removeAll();
        if (!state.lesson().intro().isBlank()
                && state.steps().getFirst().step().id().equals(stepId)) {
            content.add(markdown(state.lesson().intro()));
        }
        content.add(new H3(step.title()), markdown(step.markdown()));
        showTextOnly(false);
        switch (step.kind()) {
            case READ -> {
                showTextOnly(true);
                content.add(doneButton("I have read this"));
            }
            case EXPLORE -> {
                var dataset = create(DatasetView.class);
                dataset.show(progress.datasetIdOf(courseId, lessonId, step.id()));
                showTool(dataset);
                content.add(
                        new Paragraph(besideOrBelow("The dataset is shown") + "."),
                        doneButton("I have explored the data"));
            }
            case BUILD, TRAIN -> design(s);
            case EVALUATE -> evaluate(s);
            case REFLECT -> {
                showTextOnly(true);
                reflect(s);
            }
            case QUIZ -> {
                showTextOnly(true);
                content.add(new QuizPanel(s, username, lessonId, this::fill, this::answer, () -> state.step(stepId)));
            }
            case READER_STUDY -> readerStudy(s);
        }
        if (step.pass() != null) {
            var criterion = new Paragraph("To pass: " + step.pass().label() + " "
                    + step.pass().op() + " " + step.pass().value());
            criterion.setId("step-criterion");
            content.add(criterion);
        }
        if (s.measured() != null && result.getText().isEmpty() && step.kind() != StepKind.QUIZ) {
            result.setText((s.passed() ? "✓ " : "✗ ") + "Last check: " + s.measured());
        }
        content.add(result);
        if (s.passed()) {
            nextStepButton().ifPresent(content::add);
        }
        if (s.comment() != null) {
            content.add(new Paragraph("Your instructor (" + s.commentedBy() + "): " + s.comment()));
        }
        getElement().executeJs("window.drRenderMath && window.drRenderMath(this)");
    }

    /**
     * Train and build steps: the builder beside the text, opened on the lesson's dataset and template with its
     * values and locks, kept while the page is open (so a redraw never loses the trainee's edits), and trained
     * exactly as shown. A train step checks the run it started; a build step the trainee's latest run.
     */
    private void design(LessonState.StepState s) {
        var step = s.step();
        var builder = builders.computeIfAbsent(step.id(), id -> {
            var created = create(BuilderView.class);
            created.start(
                    progress.datasetIdOf(courseId, lessonId, id),
                    step.template(),
                    step.set(),
                    Set.copyOf(step.locked()));
            created.fixDataAndTemplate();
            created.setTrainVisible(false);
            created.trainWith(design -> {
                try {
                    var run = progress.trainDesign(courseId, lessonId, id, design);
                    showingDesign.remove(id);
                    showRun(id, run.id());
                    refreshSteps();
                    result.setText("Run " + run.id() + " started; it is checked when it finishes.");
                    return run;
                } catch (RuntimeException e) {
                    if (isRefusal(e)) {
                        result.setText(e.getMessage());
                    }
                    throw e;
                }
            });
            return created;
        });
        var settings = new ArrayList<String>();
        step.set().forEach((k, v) -> settings.add(org.deeprounds.curriculum.LessonSettings.describe(k, v)));
        content.add(new Paragraph(besideOrBelow("The builder is shown") + ": the " + step.template()
                + " template on " + step.dataset()
                + (settings.isEmpty() ? "" : ", with " + String.join(", ", settings))
                + (step.locked().isEmpty()
                        ? ". You may change any part of it."
                        : "; the lesson fixes " + String.join(", ", step.locked()) + ".")));
        var train = new Button("Train this design", e -> {
            showingDesign.add(step.id());
            showTool(builder);
            builder.trainNow();
        });
        train.setId("train-step");
        train.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.add(
                train,
                action(
                        step.kind() == StepKind.BUILD ? "Check my latest run" : "Check",
                        () -> progress.check(courseId, lessonId, step.id())));
        if (step.kind() == StepKind.BUILD && step.pass() == null) {
            content.add(doneButton("I have explored the design"));
        }
        if (s.runId() != null && !showingDesign.contains(step.id())) {
            showRun(step.id(), s.runId());
        } else {
            showTool(builder);
        }
    }

    /** The run in the tool pane; a build step keeps a way back to the trainee's design. */
    private void showRun(String forStep, long runId) {
        shownRun = runId;
        shownRunStep = forStep;
        var run = create(RunView.class);
        run.open(runId);
        var builder = builders.get(forStep);
        if (builder != null) {
            var back = new Button("← Back to my design", e -> {
                showingDesign.add(forStep);
                showTool(builder);
            });
            back.setId("back-to-design");
            showTool(new Div(back, run));
        } else {
            showTool(run);
        }
    }

    private void evaluate(LessonState.StepState s) {
        var step = s.step();
        var runId = progress.runForEvaluation(courseId, lessonId, step.id());
        var lockState = new Paragraph();
        lockState.setId("step-lock");
        runId.ifPresent(id -> {
            var evaluation = create(EvaluationView.class);
            evaluation.open(id);
            evaluation.addLockListener(() -> lockState.setText(lockText(id)));
            showTool(evaluation);
            lockState.setText(lockText(id));
        });
        content.add(lockState);
        TextArea reasons = null;
        if (step.asksForReasons()) {
            reasons = new TextArea("Why this threshold, for this use?");
            reasons.setId("threshold-reasons");
            reasons.setWidthFull();
            reasons.setMinHeight("8em");
            reasons.setMaxLength(10_000);
            reasons.setHelperText("At least " + step.minWords() + " words; your instructor scores it on: "
                    + String.join("; ", step.rubric()) + ".");
            if (s.answer() != null) {
                reasons.setValue(s.answer().split("\n\n---\n\n", 2)[0]);
            }
            content.add(reasons);
        }
        var written = reasons;
        content.add(action(
                step.deliverable() != null ? "Check and submit the model card" : "Check",
                () -> progress.evaluate(courseId, lessonId, step.id(), written == null ? null : written.getValue())));
        if (runId.isEmpty()) {
            showTextOnly(true);
            content.add(
                    new Paragraph("Train the lesson's network first: this step judges that run on its test split."));
        }
    }

    /** The reader study beside the text: the trainee reads, then checks; finishing both rounds checks at once. */
    private void readerStudy(LessonState.StepState s) {
        var step = s.step();
        var study = progress.readerStudy(courseId, lessonId, step.id());
        if (study.isEmpty()) {
            showTextOnly(true);
            content.add(new Paragraph("Train the lesson's network first: this step reads that run's test cases."));
            return;
        }
        var reader = create(org.deeprounds.evaluation.reader.ui.ReaderStudyView.class);
        reader.open(study.get());
        reader.addFinishedListener(() -> {
            var outcome = progress.check(courseId, lessonId, step.id());
            refreshSteps();
            result.setText(outcome.message());
            offerNextStep(outcome.passed());
        });
        showTool(reader);
        content.add(
                new Paragraph(besideOrBelow("The cases are shown") + ": " + step.readerCases() + " test cases of your"
                        + " run, first on your own, then again with the model's probability."),
                action("Check", () -> progress.check(courseId, lessonId, step.id())));
    }

    /** What the check will use: the run's locked threshold, and where it was chosen. */
    private String lockText(long runId) {
        return thresholdLocks
                .of(runId)
                .map(l -> "Checked at your locked threshold, "
                        + String.format(java.util.Locale.ROOT, "%.2f", l.threshold())
                        + (l.chosenOnValidation()
                                ? ", chosen on the validation split."
                                : ", chosen after seeing the test split."))
                .orElse("Choose a threshold on the validation split beside this text and press Lock this threshold;"
                        + " the check uses the locked one.");
    }

    private void reflect(LessonState.StepState s) {
        var answer = new TextArea("Your answer");
        answer.setId("reflection");
        answer.setWidthFull();
        answer.setMinHeight("10em");
        answer.setMaxLength(10_000);
        answer.setHelperText("At least " + s.step().minWords() + " words; your instructor "
                + (s.step().rubric().isEmpty()
                        ? "reads it."
                        : "scores it on: " + String.join("; ", s.step().rubric()) + "."));
        if (s.answer() != null) {
            answer.setValue(s.answer());
        }
        content.add(
                answer,
                action(
                        "Save",
                        () -> progress.reflect(courseId, lessonId, s.step().id(), answer.getValue())));
    }

    /** A quiz check: the marks of the steps change, the quiz itself (choices and feedback) stays as it is. */
    private StepOutcome answer(List<Set<Integer>> chosen) {
        var outcome = progress.answer(courseId, lessonId, stepId, chosen);
        refreshSteps();
        result.setText(outcome.message());
        offerNextStep(outcome.passed());
        return outcome;
    }

    private String fill(String text) {
        var measured = new HashMap<String, String>();
        state.steps().forEach(st -> {
            if (st.measured() != null) {
                measured.put(st.step().id(), st.measured());
            }
            st.figures()
                    .forEach(
                            (name, value) -> measured.put(name + ":" + st.step().id(), value));
        });
        return LessonText.fill(text, measured);
    }

    /** The "Next: …" button under the step, once it is passed (replacing any shown before). */
    private void offerNextStep(boolean passed) {
        content.getChildren()
                .filter(c -> "next-step".equals(c.getId().orElse("")))
                .toList()
                .forEach(content::remove);
        if (passed) {
            nextStepButton().ifPresent(content::add);
        }
    }

    private java.util.Optional<Button> nextStepButton() {
        var all = state.steps();
        for (int i = 0; i < all.size() - 1; i++) {
            if (all.get(i).step().id().equals(stepId)) {
                var next = all.get(i + 1).step();
                var button = new Button("Next: " + next.title() + " →", e -> goTo(next.id()));
                button.setId("next-step");
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                return java.util.Optional.of(button);
            }
        }
        return java.util.Optional.empty();
    }

    private Button doneButton(String label) {
        var button = action(label, () -> progress.done(courseId, lessonId, stepId));
        button.setId("step-done");
        return button;
    }

    private Button action(String label, java.util.function.Supplier<StepOutcome> call) {
        var button = new Button(label, e -> act(call));
        button.setId("step-action-" + label.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
        return button;
    }

    private void act(java.util.function.Supplier<StepOutcome> call) {
        try {
            showOutcome(call.get());
        } catch (RuntimeException e) {
            if (!isRefusal(e)) {
                throw e;
            }
            result.setText(e.getMessage());
        }
    }

    /**
     * A refusal written for the trainee (a rule of the lesson, a design with problems, a run that cannot start yet),
     * shown as it is. Anything else is unexpected: it goes on to the app's error handler, which shows a reference to
     * the logged error instead of its message.
     */
    private static boolean isRefusal(RuntimeException e) {
        return e instanceof IllegalArgumentException
                || e instanceof IllegalStateException
                || e instanceof NoSuchElementException
                || e instanceof org.deeprounds.models.InvalidSpecException
                || e instanceof org.deeprounds.datasets.model.DatasetFormatException
                || e instanceof org.springframework.security.access.AccessDeniedException;
    }

    /**
     * After a check: reading steps go on to the next step not passed; every other step stays, so the trainee reads
     * the result, and offers the next step.
     */
    private void showOutcome(StepOutcome outcome) {
        var keep = stepId;
        state = progress.open(courseId, lessonId);
        var kind = state.step(keep).step().kind();
        boolean advance = outcome.passed()
                && state.step(keep).passed()
                && !state.passed()
                && (kind == StepKind.READ || kind == StepKind.EXPLORE);
        if (advance) {
            goTo(state.current().step().id());
        } else {
            renderSteps();
            offerNextStep(state.step(keep).passed());
        }
        result.setText(outcome.message());
    }

    private void refreshSteps() {
        state = progress.open(courseId, lessonId);
        renderSteps();
    }

    private void showTool(Component component) {
        tool.removeAll();
        tool.add(component);
    }

    /** Steps with nothing to show beside them give the text the whole width. */
    private void showTextOnly(boolean only) {
        if (only) {
            tool.removeAll();
        }
        setClassName("dr-lesson--text-only", only);
    }

    private static String besideOrBelow(String what) {
        return what + " beside this text (under it on a narrow screen)";
    }

    private <T extends Component> T create(Class<T> type) {
        return Instantiator.get(UI.getCurrent()).getOrCreate(type);
    }

    private Html markdown(String markdownText) {
        return new Html(LessonMarkdown.html(fill(markdownText), courseId));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var ui = event.getUI();
        ui.getPage().addStyleSheet("/lessons/lesson.css");
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
                        if (!isRefusal(e)) {
                            throw e;
                        }
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
