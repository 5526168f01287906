package org.deeprounds.home.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.stream.Collectors;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.CohortService;
import org.deeprounds.accounts.CohortSummary;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.curriculum.TeachingService;

/**
 * Where everyone lands after signing in. Each role sees its own part: trainees their cohort and instructors,
 * instructors the cohorts they teach and who is in them, administrators the state of accounts.
 */
@Route("")
@PageTitle("Home")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout {

    static final java.time.format.DateTimeFormatter DUE =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.ENGLISH);

    private final transient TeachingService teaching;
    private final transient java.time.Clock clock;

    public HomeView(
            AuthenticationContext authentication,
            AccountService accounts,
            CohortService cohorts,
            TeachingService teaching,
            java.time.Clock clock) {
        this.teaching = teaching;
        this.clock = clock;
        var username = authentication.getPrincipalName().orElseThrow();
        var own = accounts.own(username);
        var welcome = new H2("Welcome, " + own.displayName());
        welcome.setId("welcome");
        add(welcome);
        if (authentication.hasRole(AppRoles.TRAINEE)) {
            add(traineePart(cohorts.attendedBy(username)));
        }
        if (authentication.hasRole(AppRoles.INSTRUCTOR)) {
            add(instructorPart(cohorts.taughtBy(username)));
        }
        if (authentication.hasRole(AppRoles.ADMIN)) {
            add(adminPart(accounts));
        }
    }

    private Component traineePart(List<CohortSummary> attended) {
        var section = new Section(new H3("Your learning"));
        section.setId("trainee-home");
        section.add(new Paragraph("DeepRounds leads you from a first neuron to judging a model as a clinician would:"
                + " you explore medical images, DNA and patient records, build and train networks, watch each"
                + " layer learn, and evaluate with sensitivity, specificity and calibration."));
        section.add(assigned());
        var courses = new Anchor("courses", "All your courses");
        courses.setId("home-courses");
        section.add(courses);
        if (attended.isEmpty()) {
            section.add(new Paragraph("You are not in a cohort yet. Your instructor or an administrator adds you."));
        } else {
            var list = new UnorderedList();
            attended.forEach(c -> list.add(new ListItem(c.name() + " — instructors: "
                    + (c.instructors().isEmpty() ? "none yet" : names(c.instructors())))));
            section.add(new Paragraph("Your cohorts:"), list);
        }
        return section;
    }

    /**
     * The courses the trainee's cohorts were assigned, soonest due first, each with its due date and a link to the
     * first lesson not yet passed.
     */
    private Component assigned() {
        var list = new com.vaadin.flow.component.html.Div();
        list.setId("home-assigned");
        var assignments = teaching.assignedToMe();
        if (assignments.isEmpty()) {
            list.add(new Paragraph("No course is assigned to you yet; you can start any course from Your courses."));
            return list;
        }
        var today = java.time.LocalDate.now(clock);
        var seen = new java.util.HashSet<String>();
        for (var assignment : assignments) {
            var course = assignment.course();
            if (!seen.add(course.id())) {
                continue; // assigned through two cohorts: listed once, at its soonest due date
            }
            var cells = teaching.myProgress(course.id());
            long passed = cells.stream()
                    .filter(c -> c.status() == TeachingService.Status.PASSED)
                    .count();
            var item = new com.vaadin.flow.component.html.Div();
            item.setId("assigned-" + course.id());
            item.add(new H4(course.title()));
            item.add(new Paragraph(due(assignment.due(), today) + " · " + passed + " of "
                    + course.lessons().size() + " lessons passed · assigned to " + assignment.cohortName()));
            nextLesson(course, cells)
                    .ifPresentOrElse(
                            lesson -> {
                                var next = new Anchor(
                                        "lesson/" + course.id() + "/" + lesson.id(), "Continue: " + lesson.title());
                                next.setId("continue-" + course.id());
                                item.add(next);
                            },
                            () -> item.add(new Paragraph("Every lesson passed.")));
            list.add(item);
        }
        return list;
    }

    /** The first lesson, in course order, that is not yet passed. */
    static java.util.Optional<org.deeprounds.curriculum.Lesson> nextLesson(
            org.deeprounds.curriculum.Course course, List<TeachingService.Cell> cells) {
        for (int i = 0; i < course.lessons().size() && i < cells.size(); i++) {
            if (cells.get(i).status() != TeachingService.Status.PASSED) {
                return java.util.Optional.of(course.lessons().get(i));
            }
        }
        return java.util.Optional.empty();
    }

    static String due(java.time.LocalDate due, java.time.LocalDate today) {
        if (due == null) {
            return "No due date";
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(today, due);
        var when = days < 0
                ? "overdue by " + days(-days)
                : days == 0 ? "today" : days == 1 ? "tomorrow" : "in " + days(days);
        return "Due " + DUE.format(due) + " (" + when + ")";
    }

    private static String days(long n) {
        return n == 1 ? "1 day" : n + " days";
    }

    private Component instructorPart(List<CohortSummary> taught) {
        var section = new Section(new H3("Your cohorts"));
        section.setId("instructor-home");
        section.add(new UnorderedList(
                new ListItem(new Anchor("teaching", "Teaching: assign courses, see progress, read reflections")),
                new ListItem(new Anchor("authoring", "Authoring: write and edit courses"))));
        if (taught.isEmpty()) {
            section.add(new Paragraph("You teach no cohort yet. An administrator assigns cohorts to instructors."));
        }
        taught.forEach(c -> {
            section.add(new Paragraph(c.name() + " · " + c.trainees().size() + " trainee(s)"));
            var list = new UnorderedList();
            c.trainees().forEach(t -> list.add(new ListItem(t.displayName() + " (" + t.username() + ")")));
            section.add(list);
        });
        return section;
    }

    private Component adminPart(AccountService accounts) {
        var section = new Section(new H3("Administration"));
        section.setId("admin-home");
        var counts = accounts.countsByRole().stream()
                .map(c -> c.count() + " " + AppRoles.label(c.role()).toLowerCase() + "(s)")
                .collect(Collectors.joining(", "));
        long locked = accounts.list().stream().filter(a -> a.locked()).count();
        section.add(new Paragraph("Accounts: " + counts + ". Locked now: " + locked + "."));
        var links = new UnorderedList(
                new ListItem(new Anchor("admin/users", "Users: accounts, roles, lockouts")),
                new ListItem(new Anchor("admin/cohorts", "Cohorts: trainees and their instructors")),
                new ListItem(new Anchor("admin/system", "System: compute backend, versions, storage")));
        section.add(links);
        return section;
    }

    private static String names(List<CohortSummary.Member> members) {
        return members.stream().map(CohortSummary.Member::displayName).collect(Collectors.joining(", "));
    }
}
