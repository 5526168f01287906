package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deeprounds.TestUsers.as;

import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.deeprounds.IntegrationTest;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.CohortService;
import org.deeprounds.evaluation.ThresholdLocks;
import org.deeprounds.evaluation.reader.Phase;
import org.deeprounds.evaluation.reader.ReaderStudies;
import org.deeprounds.training.RunService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A lesson's reader-study step: the study is set up on the lesson's run, the check waits for both rounds and grades
 * the trainee's own calls, and the instructor's grid and grades CSV get the trainee's points and the model's.
 */
@IntegrationTest
class ReaderStudyStepTest {

    static final String LESSON = """
            ---
            id: reader-step-lesson
            title: Reader
            steps:
              - id: train
                kind: train
                dataset: wdbc-breast-cancer
                template: ehr-mlp
                set: {epochs: 3}
              - id: read
                kind: reader-study
                cases: 6
                seed: 5
                pass: reader.sensitivity >= 0.9
            ---
            ## Train {#train}
            Train it.

            ## Read {#read}
            Read six patients.
            """;

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

    @Autowired
    RunService runs;

    @Autowired
    ReaderStudies studies;

    @Autowired
    ThresholdLocks locks;

    @Test
    void the_step_grades_the_trainees_own_calls_once_both_rounds_are_read() throws Exception {
        var course = TeachingFixtures.course(library, "reader-course", "Reader", "", List.of(LESSON));
        var lesson = course.lessons().getFirst();
        TeachingFixtures.trainee(accounts, "reader-rex", "Rex", null);
        var cohort = TeachingFixtures.cohort(cohorts, "Reader cohort", "instructor", List.of("reader-rex"));
        var me = "reader-rex";

        var early = as(me, "TRAINEE", () -> progress.readerStudy(course.id(), lesson.id(), "read"));
        assertThat(early).as("no run yet").isEmpty();
        var run = as(me, "TRAINEE", () -> progress.train(course.id(), lesson.id(), "train"));
        for (int i = 0;
                i < 600 && !as(me, "TRAINEE", () -> runs.get(run.id())).status().finished();
                i++) {
            Thread.sleep(100);
        }
        as(me, "TRAINEE", () -> locks.lock(run.id(), 0.5, null));
        long study = as(me, "TRAINEE", () -> progress.readerStudy(course.id(), lesson.id(), "read"))
                .orElseThrow();
        assertThat(as(me, "TRAINEE", () -> progress.readerStudy(course.id(), lesson.id(), "read")))
                .as("the same study when the page opens again")
                .contains(study);
        assertThat(as(me, "TRAINEE", () -> studies.get(study)).cases()).isEqualTo(6);

        var positive = "malignant";
        for (var c : as(me, "TRAINEE", () -> studies.order(study, Phase.UNASSISTED))) {
            as(me, "TRAINEE", () -> {
                studies.read(study, c, Phase.UNASSISTED, positive, 4);
                return null;
            });
        }
        var halfway = as(me, "TRAINEE", () -> progress.check(course.id(), lesson.id(), "read"));
        assertThat(halfway.passed()).isFalse();
        assertThat(halfway.message()).startsWith("Now read the same cases with the model (0 of 6");
        for (var c : as(me, "TRAINEE", () -> studies.order(study, Phase.ASSISTED))) {
            as(me, "TRAINEE", () -> {
                studies.read(study, c, Phase.ASSISTED, "benign", 2);
                return null;
            });
        }
        var done = as(me, "TRAINEE", () -> progress.check(course.id(), lesson.id(), "read"));
        assertThat(done.passed()).as(done.message()).isTrue();
        assertThat(done.message()).isEqualTo("✓ your sensitivity without the model 1.000.");

        var cell = as("instructor", "INSTRUCTOR", () -> teaching.grid(cohort.id(), course.id()))
                .getFirst()
                .cells()
                .getFirst();
        assertThat(cell.reader().sensitivity()).isEqualTo(1.0);
        assertThat(cell.reader().specificity()).isEqualTo(0.0);
        assertThat(cell.reader().assistedSensitivity()).isEqualTo(0.0);
        assertThat(cell.reader().modelSensitivity()).isNotNull();
        var csv = as("instructor", "INSTRUCTOR", () -> teaching.csv(cohort.id()));
        var rex = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv)).getRecords().stream()
                .filter(r -> r.get("Username").equals(me))
                .findFirst()
                .orElseThrow();
        assertThat(rex.get("reader-step-lesson reader sensitivity")).isEqualTo("1.000");
        assertThat(rex.get("reader-step-lesson reader specificity")).isEqualTo("0.000");
        assertThat(rex.get("reader-step-lesson assisted sensitivity")).isEqualTo("0.000");
        assertThat(rex.get("reader-step-lesson model specificity")).isNotEmpty();
    }
}
