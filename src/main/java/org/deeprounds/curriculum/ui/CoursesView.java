package org.deeprounds.curriculum.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import org.deeprounds.curriculum.Course;
import org.deeprounds.curriculum.CurriculumLibrary;
import org.deeprounds.curriculum.TeachingService;

/** My courses: what my cohorts were assigned (with due dates), every other course, and my progress per lesson. */
@Route("courses")
@PageTitle("Courses")
@Menu(title = "Courses", order = 5, icon = "vaadin:academy-cap")
@PermitAll
public class CoursesView extends VerticalLayout {

    public CoursesView(CurriculumLibrary library, TeachingService teaching) {
        var assigned = teaching.assignedToMe();
        var shown = new LinkedHashSet<String>();
        add(new H2("My courses"));
        if (assigned.isEmpty()) {
            add(new Paragraph("No course has been assigned to your cohorts yet; every course below is open to you."));
        }
        for (var a : assigned) {
            if (shown.add(a.course().id())) {
                add(card(
                        a.course(),
                        teaching,
                        "Assigned to " + a.cohortName()
                                + (a.due() == null
                                        ? ""
                                        : " · due " + a.due().format(DateTimeFormatter.ISO_LOCAL_DATE))));
            }
        }
        var others =
                library.courses().stream().filter(c -> !shown.contains(c.id())).toList();
        if (!others.isEmpty()) {
            add(new H2(assigned.isEmpty() ? "Courses" : "More courses"));
            others.forEach(c -> add(card(c, teaching, null)));
        }
    }

    private Div card(Course course, TeachingService teaching, String assignment) {
        var card = new Div();
        card.setId("course-" + course.id());
        card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)")
                .set("max-width", "60em");
        var cells = teaching.myProgress(course.id());
        long passed = cells.stream()
                .filter(c -> c.status() == TeachingService.Status.PASSED)
                .count();
        card.add(new H3(course.title()));
        if (assignment != null) {
            var badge = new Span(assignment);
            badge.getElement().getThemeList().add("badge");
            card.add(badge);
        }
        card.add(
                new Paragraph(course.audience() + " About " + course.estimatedMinutes() + " minutes. " + passed + " of "
                        + course.lessons().size() + " lessons passed."
                        + (course.prerequisites().isEmpty()
                                ? ""
                                : " Take first: " + String.join(", ", course.prerequisites()) + ".")));
        var lessons = new VerticalLayout();
        lessons.setPadding(false);
        lessons.setSpacing(false);
        boolean resumeShown = false;
        for (int i = 0; i < course.lessons().size(); i++) {
            var lesson = course.lessons().get(i);
            var cell = cells.get(i);
            var mark = switch (cell.status()) {
                case PASSED -> "✓";
                case IN_PROGRESS -> "…";
                case NOT_STARTED -> "○";
            };
            var open = new Button(
                    mark + " " + (i + 1) + ". " + lesson.title(),
                    e -> e.getSource()
                            .getUI()
                            .ifPresent(
                                    ui -> ui.navigate(LessonView.class, LessonView.params(course.id(), lesson.id()))));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            open.setId("open-" + lesson.id());
            var row = new HorizontalLayout(open);
            row.setAlignItems(Alignment.CENTER);
            if (!resumeShown && cell.status() != TeachingService.Status.PASSED) {
                var resume =
                        new Span(cell.status() == TeachingService.Status.IN_PROGRESS ? "continue here" : "start here");
                resume.getElement().getThemeList().add("badge success");
                row.add(resume);
                resumeShown = true;
            }
            if (cell.status() != TeachingService.Status.NOT_STARTED) {
                row.add(new Span(String.format(
                        Locale.ROOT,
                        "%d/%d steps · %d min",
                        cell.stepsPassed(),
                        cell.steps(),
                        cell.secondsSpent() / 60)));
            }
            lessons.add(row);
        }
        card.add(lessons);
        return card;
    }
}
