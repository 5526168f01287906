package org.deeprounds.home.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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

/**
 * Where everyone lands after signing in. Each role sees its own part: trainees their cohort and instructors,
 * instructors the cohorts they teach and who is in them, administrators the state of accounts.
 */
@Route("")
@PageTitle("Home")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView(AuthenticationContext authentication, AccountService accounts, CohortService cohorts) {
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
        var courses = new Anchor("courses", "Your courses: continue where you stopped");
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
