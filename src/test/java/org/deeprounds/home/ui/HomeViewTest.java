package org.deeprounds.home.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import java.time.LocalDate;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.deeprounds.accounts.CohortService;
import org.deeprounds.curriculum.CurriculumLibrary;
import org.deeprounds.curriculum.TeachingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** A trainee's home shows what their cohort was assigned, when it is due, and where to carry on. */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class HomeViewTest extends SpringBrowserlessTest {

    @Autowired
    TeachingService teaching;

    @Autowired
    CohortService cohorts;

    @Autowired
    CurriculumLibrary library;

    @Test
    void an_assigned_course_shows_its_due_date_and_a_link_to_the_first_lesson_not_passed() {
        var course = library.courses().getFirst();
        long cohort = cohorts.attendedBy("trainee1").getFirst().id();
        var due = LocalDate.now().plusDays(30);
        TestUsers.as("admin", "ADMIN", () -> {
            teaching.assign(cohort, course.id(), due);
            return null;
        });
        try {
            navigate(HomeView.class);

            var item = $(Div.class).id("assigned-" + course.id());
            assertThat(item.getElement().getTextRecursively())
                    .contains(course.title(), "Due " + HomeView.DUE.format(due), "lessons passed");
            var next = $(Anchor.class).id("continue-" + course.id());
            var first = course.lessons().getFirst();
            assertThat(next.getText()).isEqualTo("Continue: " + first.title());
            assertThat(next.getHref()).isEqualTo("lesson/" + course.id() + "/" + first.id());
        } finally {
            TestUsers.as("admin", "ADMIN", () -> {
                teaching.unassign(cohort, course.id());
                return null;
            });
        }
    }

    @Test
    void due_dates_read_as_days_from_today() {
        var today = LocalDate.of(2026, 12, 3);

        assertThat(HomeView.due(today.plusDays(1), today)).endsWith("(tomorrow)");
        assertThat(HomeView.due(today.minusDays(2), today))
                .isEqualTo("Due Tuesday 1 December 2026 (overdue by 2 days)");
        assertThat(HomeView.due(null, today)).isEqualTo("No due date");
    }
}
