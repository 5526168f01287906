package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deeprounds.TestUsers.as;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.deeprounds.IntegrationTest;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.CohortService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** An instructor scores a reflection on its rubric, one mark per criterion; the grades CSV reports the share met. */
@IntegrationTest
class RubricScoringTest {

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

    @Test
    void a_reflection_is_scored_criterion_by_criterion_and_the_csv_reports_the_share_met() throws Exception {
        var course = TeachingFixtures.course(
                library,
                "rubric-course",
                "Rubrics",
                "",
                List.of(TeachingFixtures.lesson("rubric-one", "One", null)
                        .replace(
                                "    minWords: 3\n",
                                "    minWords: 3\n    rubric:\n      - Names a clinical setting\n"
                                        + "      - Says who bears a false negative\n")));
        var lesson = course.lesson("rubric-one");
        assertThat(lesson.step("reflect").rubric())
                .containsExactly("Names a clinical setting", "Says who bears a false negative");
        TeachingFixtures.trainee(accounts, "rubric-rae", "Rae", null);
        var cohort = TeachingFixtures.cohort(cohorts, "Rubric cohort", "instructor", List.of("rubric-rae"));
        as(
                "rubric-rae",
                "TRAINEE",
                () -> progress.reflect(
                        course.id(),
                        lesson.id(),
                        "reflect",
                        "In the emergency department a missed pneumonia harms the child."));

        var submission = as("instructor", "INSTRUCTOR", () -> teaching.submissions(cohort.id(), course.id()))
                .getFirst();
        assertThat(submission.rubric()).hasSize(2);
        assertThat(submission.rubricMarks()).as("not scored yet").isEmpty();

        assertThatThrownBy(() -> as("instructor", "INSTRUCTOR", () -> {
                    teaching.scoreRubric(cohort.id(), submission.stepProgressId(), List.of(true));
                    return null;
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The rubric of step 'reflect' has 2 criteria; give one mark for each, not 1");
        assertThatThrownBy(() -> as("rubric-rae", "TRAINEE", () -> {
                    teaching.scoreRubric(cohort.id(), submission.stepProgressId(), List.of(true, true));
                    return null;
                }))
                .isInstanceOf(AccessDeniedException.class);

        as("instructor", "INSTRUCTOR", () -> {
            teaching.scoreRubric(cohort.id(), submission.stepProgressId(), List.of(true, false));
            return null;
        });
        var scored = as("instructor", "INSTRUCTOR", () -> teaching.submissions(cohort.id(), course.id()))
                .getFirst();
        assertThat(scored.rubricMarks()).containsExactly(true, false);
        assertThat(scored.rubricScoredBy()).isEqualTo("instructor");

        var csv = as("instructor", "INSTRUCTOR", () -> teaching.csv(cohort.id()));
        var rae = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv)).getRecords().stream()
                .filter(r -> r.get("Username").equals("rubric-rae"))
                .findFirst()
                .orElseThrow();
        assertThat(rae.get("rubric-one rubric %")).isEqualTo("50");
    }
}
