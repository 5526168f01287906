package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deeprounds.TestUsers.as;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.CohortService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The grades CSV an instructor imports into the school's gradebook: one row per trainee, five columns per lesson of
 * every course the cohort is assigned or worked in, quoted properly, with late work and first-attempt quiz scores.
 */
@IntegrationTest
class GradesCsvTest {

    @Autowired
    ProgressService progress;

    @Autowired
    TeachingService teaching;

    @Autowired
    CurriculumLibrary library;

    @Autowired
    AccountService accounts;

    @Autowired
    CohortService cohorts;

    @LocalServerPort
    int port;

    @Test
    void the_csv_has_a_row_per_trainee_and_grade_columns_per_lesson_of_assigned_and_worked_courses() throws Exception {
        var assigned = TeachingFixtures.course(
                library,
                "grades-assigned",
                "Grades, assigned",
                "",
                List.of(
                        TeachingFixtures.lesson("grades-assigned-one", "One", null),
                        TeachingFixtures.lesson("grades-assigned-two", "Two", null)));
        var unassigned = TeachingFixtures.course(
                library,
                "grades-unassigned",
                "Grades, not assigned",
                "",
                List.of(TeachingFixtures.lesson("grades-unassigned-one", "One", null)));
        TeachingFixtures.trainee(accounts, "grades-ann", "O'Neil, \"Annie\"", "ann@example.org");
        TeachingFixtures.trainee(accounts, "grades-bob", "=HYPERLINK(\"x\")", null);
        var cohort =
                TeachingFixtures.cohort(cohorts, "Grades cohort", "instructor", List.of("grades-ann", "grades-bob"));
        // The test clock reads 2026-01-05: the assigned course was due four days earlier.
        as("instructor", "INSTRUCTOR", () -> {
            teaching.assign(cohort.id(), assigned.id(), LocalDate.of(2026, 1, 1));
            return null;
        });

        // Ann passes the first lesson, getting the quiz half right at first; Bob works in the unassigned course only.
        var one = assigned.lesson("grades-assigned-one");
        var quiz = one.step("check");
        as("grades-ann", "TRAINEE", () -> {
            progress.done(assigned.id(), one.id(), "why");
            progress.answer(assigned.id(), one.id(), "check", TeachingFixtures.firstRightOnly(quiz));
            progress.answer(assigned.id(), one.id(), "check", TeachingFixtures.correct(quiz));
            return progress.reflect(assigned.id(), one.id(), "reflect", "Sensitivity matters for screening.");
        });
        var other = unassigned.lessons().getFirst();
        as("grades-bob", "TRAINEE", () -> {
            progress.done(unassigned.id(), other.id(), "why");
            return progress.answer(unassigned.id(), other.id(), "check", TeachingFixtures.correct(quiz));
        });

        var entries = as("instructor", "INSTRUCTOR", () -> teaching.courses(cohort.id()));
        assertThat(entries)
                .extracting(
                        e -> e.course().id(),
                        TeachingService.CohortCourseEntry::assigned,
                        e -> e.due(),
                        e -> e.traineesWorking())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("grades-assigned", true, LocalDate.of(2026, 1, 1), 1),
                        org.assertj.core.groups.Tuple.tuple("grades-unassigned", false, null, 1));

        var csv = as("instructor", "INSTRUCTOR", () -> teaching.csv(cohort.id()));
        assertThat(csv).contains("\r\n").startsWith("Username,Display name,Email,grades-assigned-one passed,");
        // Names with a comma and quotes are quoted; a formula is defused before a spreadsheet can run it.
        assertThat(csv)
                .contains(
                        "\r\ngrades-ann,\"O'Neil, \"\"Annie\"\"\",ann@example.org,yes,50,2,,yes,,no,,,,yes,,no,,,,,\r\n");
        assertThat(csv).endsWith("\r\ngrades-bob,\"'=HYPERLINK(\"\"x\"\")\",,no,,,,yes,,no,,,,yes,,no,100,1,,,\r\n");

        var records = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertThat(records).hasSize(2);
        var header = CSVFormat.DEFAULT
                .parse(new StringReader(csv))
                .getRecords()
                .getFirst()
                .toList();
        assertThat(header)
                .containsExactly(
                        "Username",
                        "Display name",
                        "Email",
                        "grades-assigned-one passed",
                        "grades-assigned-one quiz first-attempt %",
                        "grades-assigned-one quiz attempts",
                        "grades-assigned-one best model metric",
                        "grades-assigned-one late",
                        "grades-assigned-one rubric %",
                        "grades-assigned-two passed",
                        "grades-assigned-two quiz first-attempt %",
                        "grades-assigned-two quiz attempts",
                        "grades-assigned-two best model metric",
                        "grades-assigned-two late",
                        "grades-assigned-two rubric %",
                        "grades-unassigned-one passed",
                        "grades-unassigned-one quiz first-attempt %",
                        "grades-unassigned-one quiz attempts",
                        "grades-unassigned-one best model metric",
                        "grades-unassigned-one late",
                        "grades-unassigned-one rubric %");
        CSVRecord ann = records.getFirst();
        assertThat(ann.get("Display name")).isEqualTo("O'Neil, \"Annie\"");
        assertThat(ann.get("grades-assigned-one passed")).isEqualTo("yes");
        assertThat(ann.get("grades-assigned-one quiz first-attempt %")).isEqualTo("50");
        assertThat(ann.get("grades-assigned-one quiz attempts")).isEqualTo("2");
        assertThat(ann.get("grades-assigned-one late"))
                .as("passed after the due date")
                .isEqualTo("yes");
        assertThat(ann.get("grades-assigned-two late"))
                .as("not passed, due date past")
                .isEqualTo("yes");
        assertThat(ann.get("grades-unassigned-one late")).as("no due date").isEmpty();
        CSVRecord bob = records.get(1);
        assertThat(bob.get("Username")).isEqualTo("grades-bob");
        assertThat(bob.get("Email")).isEmpty();
        assertThat(bob.get("grades-unassigned-one quiz first-attempt %")).isEqualTo("100");
        assertThat(bob.get("grades-unassigned-one passed"))
                .as("the reflection is missing")
                .isEqualTo("no");

        // The download serves the same bytes, as UTF-8 CSV, to the cohort's instructor only.
        var response = TestUsers.get(port, "/api/v1/cohorts/" + cohort.id() + "/progress.csv", TestUsers.INSTRUCTOR);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .isEqualToIgnoringCase("text/csv;charset=UTF-8");
        assertThat(response.body()).isEqualTo(csv);
        assertThat(TestUsers.get(port, "/api/v1/cohorts/" + cohort.id() + "/progress.csv", TestUsers.TRAINEE)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_due_date_still_ahead_is_not_late_and_a_cohort_with_no_work_has_only_names() {
        TeachingFixtures.trainee(accounts, "grades-cy", "Cy Early", null);
        var cohort = TeachingFixtures.cohort(cohorts, "Grades cohort, quiet", "instructor", List.of("grades-cy"));
        assertThat(as("instructor", "INSTRUCTOR", () -> teaching.courses(cohort.id())))
                .isEmpty();
        assertThat(as("instructor", "INSTRUCTOR", () -> teaching.csv(cohort.id())))
                .isEqualTo("Username,Display name\r\ngrades-cy,Cy Early\r\n");

        as("instructor", "INSTRUCTOR", () -> {
            teaching.assign(cohort.id(), "foundations", LocalDate.of(2027, 1, 31));
            return null;
        });
        var csv = as("instructor", "INSTRUCTOR", () -> teaching.csv(cohort.id()));
        assertThat(csv.lines().findFirst().orElseThrow())
                .contains("foundations-first-network best validation.accuracy")
                .doesNotContain("Email");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow())
                .isEqualTo("grades-cy,Cy Early" + ",no,,,,no,".repeat(5));
    }
}
