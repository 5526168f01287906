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
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.deeprounds.accounts.CohortSummary;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.curriculum.Course;
import org.deeprounds.curriculum.CurriculumLibrary;
import org.deeprounds.curriculum.TeachingService;

/**
 * For instructors: assign courses to a cohort with a due date, see trainees x lessons (not started, in progress,
 * passed; steps, time, best result), read reflections and model cards and comment on them, export grades as CSV.
 */
@Route("teaching")
@PageTitle("Teaching")
@Menu(title = "Teaching", order = 6, icon = "vaadin:presentation")
@RolesAllowed({AppRoles.INSTRUCTOR, AppRoles.ADMIN})
public class TeachingView extends VerticalLayout {

    private final transient TeachingService teaching;
    private final transient CurriculumLibrary library;
    private final ComboBox<CohortSummary> cohort = new ComboBox<>("Cohort");
    private final ComboBox<Course> course = new ComboBox<>("Course");
    private final VerticalLayout body = new VerticalLayout();

    public TeachingView(TeachingService teaching, CurriculumLibrary library) {
        this.teaching = teaching;
        this.library = library;
        cohort.setId("teaching-cohort");
        course.setId("teaching-course");
        cohort.setItems(teaching.myCohorts());
        cohort.setItemLabelGenerator(CohortSummary::name);
        cohort.setWidth("20em");
        course.setItemLabelGenerator(Course::title);
        course.setWidth("24em");
        cohort.addValueChangeListener(e -> showCohort());
        course.addValueChangeListener(e -> showCourse());
        body.setPadding(false);
        add(new H2("Teaching"), new HorizontalLayout(cohort), body);
        if (!teaching.myCohorts().isEmpty()) {
            cohort.setValue(teaching.myCohorts().getFirst());
        } else {
            body.add(new Paragraph("You teach no cohort yet; an administrator adds you to one under Cohorts."));
        }
        addProblems();
    }

    private void showCohort() {
        body.removeAll();
        var c = cohort.getValue();
        if (c == null) {
            return;
        }
        var assigned = teaching.assignments(c.id());
        var toAssign = new ComboBox<Course>("Assign a course");
        toAssign.setId("assign-course");
        toAssign.setItems(library.courses());
        toAssign.setItemLabelGenerator(Course::title);
        toAssign.setWidth("24em");
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
        var csv = new Anchor("/api/v1/cohorts/" + c.id() + "/progress.csv", "Download grades (CSV)");
        csv.setId("grades-csv");
        csv.getElement().setAttribute("download", true);
        var assignRow = new HorizontalLayout(toAssign, due, assign);
        assignRow.setAlignItems(Alignment.BASELINE);
        body.add(
                new Paragraph(c.trainees().size() + " trainee(s). Assigned: "
                        + (assigned.isEmpty()
                                ? "nothing yet."
                                : String.join(
                                        ", ",
                                        assigned.stream()
                                                .map(a -> a.course().title()
                                                        + (a.due() == null ? "" : " (due " + a.due() + ")"))
                                                .toList()))),
                assignRow,
                csv,
                course);
        var previous = course.getValue();
        course.setItems(
                assigned.stream().map(TeachingService.Assignment::course).toList());
        var keep = assigned.stream()
                .map(TeachingService.Assignment::course)
                .filter(k -> previous != null && k.id().equals(previous.id()))
                .findFirst()
                .orElse(assigned.isEmpty() ? null : assigned.getFirst().course());
        course.setValue(keep);
        showCourse();
    }

    private final Div courseBody = new Div();

    private void showCourse() {
        courseBody.removeAll();
        if (!body.getChildren().toList().contains(courseBody)) {
            body.add(courseBody);
        }
        var c = cohort.getValue();
        var k = course.getValue();
        if (c == null || k == null) {
            return;
        }
        var grid = new Grid<TeachingService.Row>();
        grid.setId("progress-grid");
        grid.addColumn(r -> r.displayName() + " (" + r.username() + ")")
                .setHeader("Trainee")
                .setAutoWidth(true);
        for (int i = 0; i < k.lessons().size(); i++) {
            int index = i;
            var lesson = k.lessons().get(i);
            grid.addColumn(r -> cell(r.cells().get(index)))
                    .setHeader((i + 1) + ". " + lesson.title())
                    .setTooltipGenerator(r -> {
                        var cell = r.cells().get(index);
                        return cell.best() == null ? "" : cell.best();
                    })
                    .setAutoWidth(true);
        }
        grid.setItems(teaching.grid(c.id(), k.id()));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        courseBody.add(new H3("Progress in " + k.title()), grid, new H3("Reflections and model cards"));
        var submissions = teaching.submissions(c.id(), k.id());
        if (submissions.isEmpty()) {
            courseBody.add(new Paragraph("Nothing submitted yet."));
        }
        for (var s : submissions) {
            var text = s.kind().equals("model card") ? new Pre(s.text()) : new Paragraph(s.text());
            text.getStyle()
                    .set("white-space", "pre-wrap")
                    .set("max-height", "20em")
                    .set("overflow", "auto");
            var comment = new TextArea("Your comment");
            comment.setWidth("40em");
            comment.setMaxLength(4000);
            if (s.comment() != null) {
                comment.setValue(s.comment());
            }
            var save = new Button("Save comment", e -> {
                teaching.comment(c.id(), s.stepProgressId(), comment.getValue());
                Notification.show("Comment saved; " + s.username() + " sees it in the lesson.");
            });
            var box = new VerticalLayout(
                    new Paragraph(
                            s.username() + " · " + s.lessonTitle() + " · " + s.stepTitle() + " (" + s.kind() + ")"),
                    text,
                    comment,
                    save);
            box.addClassName("submission");
            box.getStyle().set("border-left", "3px solid var(--lumo-contrast-20pct)");
            courseBody.add(box);
        }
    }

    private static String cell(TeachingService.Cell cell) {
        return switch (cell.status()) {
            case PASSED ->
                "✓ passed · " + cell.secondsSpent() / 60 + " min" + (cell.edited() ? " (earlier version)" : "");
            case IN_PROGRESS ->
                String.format(
                        Locale.ROOT,
                        "in progress %d/%d · %d min",
                        cell.stepsPassed(),
                        cell.steps(),
                        cell.secondsSpent() / 60);
            case NOT_STARTED -> "not started";
        };
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
            add(list);
        }
    }
}
