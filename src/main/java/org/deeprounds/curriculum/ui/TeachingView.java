package org.deeprounds.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprounds.accounts.CohortSummary;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.curriculum.Course;
import org.deeprounds.curriculum.CurriculumLibrary;
import org.deeprounds.curriculum.Step;
import org.deeprounds.curriculum.TeachingService;
import org.deeprounds.curriculum.TeachingService.CohortCourseEntry;

/**
 * For instructors: assign courses to a cohort with a due date, see trainees x lessons of every course the cohort is
 * assigned or has worked in (not started, in progress, passed; steps, time, quiz, best result, late), read
 * reflections and model cards and comment on them, export grades as CSV.
 */
@Route("teaching")
@PageTitle("Teaching")
@Menu(title = "Teaching", order = 6, icon = "vaadin:presentation")
@RolesAllowed({AppRoles.INSTRUCTOR, AppRoles.ADMIN})
public class TeachingView extends VerticalLayout {

    /** More trainees than this and the grid gets a fixed height and scrolls inside its box. */
    private static final int ROWS_SHOWN_WHOLE = 10;

    private static final String NAME_WIDTH = "9.5em";
    private static final String LESSON_WIDTH = "13em";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final transient TeachingService teaching;
    private final transient CurriculumLibrary library;
    private final ComboBox<CohortSummary> cohort = new ComboBox<>("Cohort");
    private final ComboBox<CohortCourseEntry> course = new ComboBox<>("Course");
    private final VerticalLayout body = new VerticalLayout();
    private final Div courseBody = new Div();

    public TeachingView(TeachingService teaching, CurriculumLibrary library) {
        this.teaching = teaching;
        this.library = library;
        setId("teaching");
        cohort.setId("teaching-cohort");
        course.setId("teaching-course");
        cohort.setItems(teaching.myCohorts());
        cohort.setItemLabelGenerator(CohortSummary::name);
        fitWidth(cohort, "20em");
        course.setItemLabelGenerator(TeachingView::label);
        fitWidth(course, "32em");
        cohort.addValueChangeListener(e -> showCohort());
        course.addValueChangeListener(e -> showCourse());
        body.setPadding(false);
        body.setWidthFull();
        courseBody.setWidthFull();
        add(new H2("Teaching"), cohort, body);
        if (!teaching.myCohorts().isEmpty()) {
            cohort.setValue(teaching.myCohorts().getFirst());
        } else {
            body.add(new Paragraph("You teach no cohort yet; an administrator adds you to one under Cohorts."));
        }
        addProblems();
    }

    /** Full width on a phone, at most {@code max} on a laptop. */
    private static void fitWidth(com.vaadin.flow.component.HasSize field, String max) {
        field.setWidthFull();
        field.setMaxWidth(max);
    }

    private void showCohort() {
        body.removeAll();
        var c = cohort.getValue();
        if (c == null) {
            return;
        }
        var toAssign = new ComboBox<Course>("Assign a course");
        toAssign.setId("assign-course");
        toAssign.setItems(library.courses());
        toAssign.setItemLabelGenerator(Course::title);
        fitWidth(toAssign, "24em");
        var due = new DatePicker("Due (optional)");
        due.setId("assign-due");
        var assign = new Button("Assign", e -> {
            if (toAssign.getValue() == null) {
                Notification.show("Choose a course to assign");
                return;
            }
            teaching.assign(c.id(), toAssign.getValue().id(), due.getValue());
            showCohort();
        });
        assign.setId("assign");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var assignRow = new HorizontalLayout(toAssign, due, assign);
        assignRow.setAlignItems(Alignment.BASELINE);
        assignRow.setWrap(true); // on a phone the date and the button go under the course
        assignRow.setWidthFull();
        var csv = new Anchor("/api/v1/cohorts/" + c.id() + "/progress.csv", "Download grades (CSV)");
        csv.setId("grades-csv");
        csv.getElement().setAttribute("download", true);

        var entries = teaching.courses(c.id());
        body.add(new Paragraph(c.trainees().size() + (c.trainees().size() == 1 ? " trainee." : " trainees.")));
        body.add(assignRow, csv, new H3("Courses"));
        if (entries.isEmpty()) {
            var why = new Paragraph(
                    c.trainees().isEmpty()
                            ? "Nothing to show: this cohort has no trainees yet. An administrator adds them under Cohorts."
                            : "Nothing to show yet: no course is assigned to this cohort, and "
                                    + (c.trainees().size() == 1
                                            ? "its only trainee has not started"
                                            : "none of its " + c.trainees().size() + " trainees has started")
                                    + " a lesson of any course. Assign a course above; it appears under Courses"
                                    + " for each trainee, and their progress appears here.");
            why.setId("teaching-empty");
            body.add(why);
        } else {
            var list = new UnorderedList();
            list.setId("teaching-courses");
            entries.forEach(e -> list.add(new ListItem(e.course().title() + " — " + standing(e))));
            body.add(list, course);
        }
        var previous = course.getValue();
        course.setItems(entries);
        course.setValue(entries.stream()
                .filter(e -> previous != null
                        && e.course().id().equals(previous.course().id()))
                .findFirst()
                .orElse(entries.isEmpty() ? null : entries.getFirst()));
        showCourse();
    }

    /** A grid header that wraps onto more lines instead of being cut off. */
    private static Span wrapping(String text) {
        var span = new Span(text);
        span.getStyle().set("white-space", "normal");
        return span;
    }

    /** "assigned, due 2027-01-31" or "not assigned, worked in by 2 trainees". */
    private static String standing(CohortCourseEntry e) {
        if (e.assigned()) {
            return "assigned" + (e.due() == null ? ", no due date" : ", due " + e.due());
        }
        return "not assigned, worked in by " + e.traineesWorking()
                + (e.traineesWorking() == 1 ? " trainee" : " trainees");
    }

    private static String label(CohortCourseEntry e) {
        return e.course().title() + " (" + standing(e) + ")";
    }

    private void showCourse() {
        courseBody.removeAll();
        if (!body.getChildren().toList().contains(courseBody)) {
            body.add(courseBody);
        }
        var c = cohort.getValue();
        var entry = course.getValue();
        if (c == null || entry == null) {
            return;
        }
        var k = entry.course();
        var rows = teaching.grid(c.id(), k.id());
        var grid = new Grid<TeachingService.Row>();
        grid.setId("progress-grid");
        // The name stays in view while the lessons scroll sideways inside the grid's own box.
        // A narrow name column: on a phone a wide frozen column would leave no room for the lessons.
        grid.addColumn(r -> r.displayName() + " (" + r.username() + ")")
                .setHeader("Trainee")
                .setWidth(NAME_WIDTH)
                .setFlexGrow(0)
                .setFrozen(true);
        for (int i = 0; i < k.lessons().size(); i++) {
            int index = i;
            var lesson = k.lessons().get(i);
            grid.addColumn(r -> cell(r.cells().get(index)))
                    .setHeader(wrapping((i + 1) + ". " + lesson.title()))
                    .setTooltipGenerator(r -> detail(r.cells().get(index)))
                    .setWidth(LESSON_WIDTH)
                    .setFlexGrow(1);
        }
        grid.setItems(rows);
        grid.setWidthFull();
        if (rows.size() <= ROWS_SHOWN_WHOLE) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("24em");
        }
        grid.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_WRAP_CELL_CONTENT);
        var box = new Div(grid);
        box.setId("progress-box");
        box.setWidthFull();
        var standing = new Paragraph(
                entry.assigned()
                        ? "Assigned to " + c.name()
                                + (entry.due() == null ? ", no due date." : ", due " + entry.due() + ".")
                        : "Not assigned to " + c.name() + "; " + entry.traineesWorking()
                                + (entry.traineesWorking() == 1 ? " trainee has" : " trainees have")
                                + " worked in it on their own. Assign it above to give it a due date.");
        standing.setId("course-standing");
        var legend = new Paragraph("Quiz: share of questions right at the first attempt, and attempts used. Point at a"
                + " cell for run results and when the lesson was passed.");
        legend.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        courseBody.add(new H3("Progress in " + k.title()), standing, box, legend);
        readerChart(rows)
                .ifPresent(chart -> courseBody.add(
                        new H3("Reader studies: each trainee against their model"),
                        chart,
                        new Paragraph(
                                "Each trainee's reading without the model (orange dot) and with it (red square, joined by a"
                                        + " line), and their model on the same cases at its locked threshold (blue ring), as"
                                        + " sensitivity against 1 − specificity. Point at a mark for whose it is.")));
        courseBody.add(new H3("Reflections and model cards"));
        var submissions = teaching.submissions(c.id(), k.id());
        if (submissions.isEmpty()) {
            courseBody.add(new Paragraph("Nothing submitted yet."));
        }
        for (var s : submissions) {
            courseBody.add(submission(c, s));
        }
    }

    private VerticalLayout submission(CohortSummary c, TeachingService.Submission s) {
        var text = s.kind().contains("model card") ? new Pre(s.text()) : new Paragraph(s.text());
        text.getStyle()
                .set("white-space", "pre-wrap")
                .set("overflow-wrap", "anywhere")
                .set("max-height", "20em")
                .set("overflow", "auto");
        text.setWidthFull();
        var saved = new Paragraph();
        saved.setId("comment-" + s.stepProgressId());
        showSaved(saved, s.comment(), s.commentedBy());
        var comment = new TextArea(s.comment() == null ? "Your comment" : "Change your comment");
        fitWidth(comment, "40em");
        comment.setMaxLength(4000);
        if (s.comment() != null) {
            comment.setValue(s.comment());
        }
        var save = new Button("Save comment", e -> {
            teaching.comment(c.id(), s.stepProgressId(), comment.getValue());
            var value = comment.getValue().isBlank() ? null : comment.getValue().strip();
            showSaved(saved, value, null);
            Notification.show(
                    value == null ? "Comment removed." : "Comment saved; " + s.username() + " sees it in the lesson.");
        });
        var box = new VerticalLayout(
                new Paragraph(s.username() + " · " + s.lessonTitle() + " · " + s.stepTitle() + " (" + s.kind() + ") · "
                        + WHEN.format(s.at())),
                text);
        if (!s.rubric().isEmpty()) {
            box.add(rubric(c, s));
        }
        box.add(saved, comment, save);
        box.setSpacing(false);
        box.getChildren()
                .filter(child -> child instanceof Paragraph || child instanceof Pre)
                .forEach(child ->
                        ((com.vaadin.flow.component.HasStyle) child).addClassNames(LumoUtility.Margin.Vertical.XSMALL));
        box.addClassName("submission");
        box.getStyle().set("border-left", "3px solid var(--lumo-contrast-20pct)");
        return box;
    }

    /** The step's rubric as checkboxes, one per criterion, with the score saved so far. */
    private Div rubric(CohortSummary c, TeachingService.Submission s) {
        var boxes = new ArrayList<com.vaadin.flow.component.checkbox.Checkbox>();
        var panel = new Div();
        panel.setId("rubric-" + s.stepProgressId());
        panel.addClassName("rubric");
        var score = new Paragraph();
        for (int i = 0; i < s.rubric().size(); i++) {
            var box = new com.vaadin.flow.component.checkbox.Checkbox(s.rubric().get(i));
            box.setValue(i < s.rubricMarks().size() && s.rubricMarks().get(i));
            box.getElement().setAttribute("data-criterion", Integer.toString(i + 1));
            boxes.add(box);
            var line = new Div(box);
            panel.add(line);
        }
        score.setText(
                s.rubricMarks().isEmpty()
                        ? "Rubric not scored yet."
                        : "Scored " + s.rubricMarks().stream().filter(m -> m).count() + " of "
                                + s.rubric().size() + (s.rubricScoredBy() == null ? "" : " by " + s.rubricScoredBy())
                                + ".");
        var save = new Button("Save rubric score", e -> {
            var marks = boxes.stream()
                    .map(com.vaadin.flow.component.checkbox.Checkbox::getValue)
                    .toList();
            teaching.scoreRubric(c.id(), s.stepProgressId(), marks);
            long met = marks.stream().filter(m -> m).count();
            score.setText("Scored " + met + " of " + marks.size() + "; the grades CSV has it.");
            Notification.show("Rubric saved: " + met + " of " + marks.size() + " criteria met.");
        });
        save.setId("save-rubric-" + s.stepProgressId());
        panel.add(score, save);
        return panel;
    }

    /** One chart of every finished reader study in the course's lessons, or nothing when there is none. */
    private static java.util.Optional<Div> readerChart(List<TeachingService.Row> rows) {
        int size = 320;
        int pad = 36;
        java.util.function.DoubleUnaryOperator x = v -> pad + v * (size - pad - 10);
        java.util.function.DoubleUnaryOperator y = v -> (size - pad) - v * (size - pad - 10);
        var svg = new StringBuilder(String.format(
                java.util.Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img'>"
                        + "<rect x='%d' y='10' width='%d' height='%d' fill='none' stroke='#999'/>"
                        + "<text x='%d' y='%d' font-size='10'>1 − specificity</text>"
                        + "<text x='4' y='%d' font-size='10' transform='rotate(-90 10 %d)'>sensitivity</text>",
                size,
                size,
                pad,
                size - pad - 10,
                size - pad - 10,
                pad + 80,
                size - 8,
                size - pad - 60,
                size - pad - 60));
        int points = 0;
        for (var row : rows) {
            for (var cell : row.cells()) {
                var p = cell.reader();
                if (p == null || p.sensitivity() == null || p.specificity() == null) {
                    continue;
                }
                points++;
                var who = escapeXml(row.displayName() + " (" + row.username() + ")");
                double ux = x.applyAsDouble(1 - p.specificity());
                double uy = y.applyAsDouble(p.sensitivity());
                if (p.assistedSensitivity() != null && p.assistedSpecificity() != null) {
                    double ax = x.applyAsDouble(1 - p.assistedSpecificity());
                    double ay = y.applyAsDouble(p.assistedSensitivity());
                    svg.append(String.format(
                            java.util.Locale.ROOT,
                            "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#999'/>"
                                    + "<rect x='%.1f' y='%.1f' width='9' height='9' fill='#c0392b'><title>%s, with the"
                                    + " model</title></rect>",
                            ux,
                            uy,
                            ax,
                            ay,
                            ax - 4.5,
                            ay - 4.5,
                            who));
                }
                svg.append(String.format(
                        java.util.Locale.ROOT,
                        "<circle cx='%.1f' cy='%.1f' r='5' fill='#e07b00'><title>%s, without the model</title></circle>",
                        ux,
                        uy,
                        who));
                if (p.modelSensitivity() != null && p.modelSpecificity() != null) {
                    svg.append(String.format(
                            java.util.Locale.ROOT,
                            "<circle cx='%.1f' cy='%.1f' r='6' fill='none' stroke='#3b7dd8' stroke-width='2'><title>%s's"
                                    + " model</title></circle>",
                            x.applyAsDouble(1 - p.modelSpecificity()),
                            y.applyAsDouble(p.modelSensitivity()),
                            who));
                }
            }
        }
        if (points == 0) {
            return java.util.Optional.empty();
        }
        var chart =
                new Div(new com.vaadin.flow.component.Svg(svg.append("</svg>").toString()));
        chart.setId("cohort-reader-chart");
        return java.util.Optional.of(chart);
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&apos;");
    }

    /** The comment the trainee sees, shown back so the instructor knows what is saved. */
    private static void showSaved(Paragraph saved, String comment, String by) {
        saved.setText(
                comment == null
                        ? "No comment yet."
                        : "Saved comment" + (by == null ? "" : " by " + by) + ", shown to the trainee: " + comment);
        saved.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
    }

    private static String cell(TeachingService.Cell cell) {
        var parts = new ArrayList<String>();
        switch (cell.status()) {
            case PASSED -> parts.add("✓ passed" + (cell.edited() ? " (earlier version)" : ""));
            case IN_PROGRESS ->
                parts.add(String.format(Locale.ROOT, "in progress %d/%d", cell.stepsPassed(), cell.steps()));
            case NOT_STARTED -> parts.add("not started");
        }
        if (cell.status() != TeachingService.Status.NOT_STARTED) {
            parts.add(cell.secondsSpent() / 60 + " min");
        }
        quiz(cell).ifPresent(parts::add);
        if (Boolean.TRUE.equals(cell.late())) {
            parts.add("late");
        }
        return String.join(" · ", parts);
    }

    /** "quiz 67% first try, 2 of 3 attempts". */
    private static java.util.Optional<String> quiz(TeachingService.Cell cell) {
        if (cell.quizAttempts() == 0) {
            return java.util.Optional.empty();
        }
        var attempts = cell.quizAttempts()
                + (cell.quizAttemptsAllowed() == Step.UNLIMITED ? "" : " of " + cell.quizAttemptsAllowed())
                + (cell.quizAttempts() == 1 && cell.quizAttemptsAllowed() == Step.UNLIMITED ? " attempt" : " attempts");
        return java.util.Optional.of("quiz " + Math.round(cell.quizFirstScore() * 100) + "% first try, " + attempts);
    }

    /** The tooltip: what the cell has no room for. */
    private static String detail(TeachingService.Cell cell) {
        var lines = new ArrayList<String>(List.of(cell.stepsPassed() + " of " + cell.steps() + " steps passed"));
        if (cell.passedAt() != null) {
            lines.add("passed " + WHEN.format(cell.passedAt()));
        }
        quiz(cell).ifPresent(lines::add);
        if (cell.best() != null) {
            lines.add("runs: " + cell.best());
        }
        if (cell.bestMetric() != null) {
            lines.add(String.format(Locale.ROOT, "best model measure %.3f", cell.bestMetric()));
        }
        if (cell.late() != null) {
            lines.add(cell.late() ? "late" : "on time");
        }
        return String.join("\n", lines);
    }

    /** Courses that fail validation, with every problem, so their authors can fix them. */
    private void addProblems() {
        var broken = library.all().stream().filter(r -> !r.ok()).toList();
        if (broken.isEmpty()) {
            return;
        }
        add(new H3("Courses with problems (not offered)"));
        for (var r : broken) {
            var list = new Pre(r.folder() + "/\n  "
                    + String.join(
                            "\n  ", r.problems().stream().map(Object::toString).toList()));
            list.setId("problems-" + r.folder());
            list.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere");
            list.setWidthFull();
            add(list);
        }
    }
}
