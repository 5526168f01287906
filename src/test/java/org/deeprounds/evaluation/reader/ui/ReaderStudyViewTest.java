package org.deeprounds.evaluation.reader.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deeprounds.TestUsers.as;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.deeprounds.IntegrationTest;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.CohortService;
import org.deeprounds.curriculum.TeachingFixtures;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.evaluation.reader.ReaderStudies;
import org.deeprounds.training.RunService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** An instructor who opens a trainee's unfinished reader study sees how far it is, and no way to make its calls. */
@IntegrationTest
@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class ReaderStudyViewTest extends SpringBrowserlessTest {

    @Autowired
    AccountService accounts;

    @Autowired
    CohortService cohorts;

    @Autowired
    DatasetService datasets;

    @Autowired
    RunService runs;

    @Autowired
    ReaderStudies studies;

    @Test
    void the_instructor_sees_progress_not_the_cases_of_a_study_still_being_read() throws Exception {
        var trainee = "reader-view-ria";
        TeachingFixtures.trainee(accounts, trainee, "Ria", null);
        TeachingFixtures.cohort(cohorts, "Reader view cohort", "instructor", List.of(trainee));
        long wdbc = datasets.sampleId("wdbc-breast-cancer").orElseThrow();
        long run = as(
                        trainee,
                        "TRAINEE",
                        () -> runs.submit(wdbc, "ehr-mlp", new RunService.Overrides(2, null, null, 1L), null))
                .id();
        for (int i = 0;
                i < 600 && !as(trainee, "TRAINEE", () -> runs.get(run)).status().finished();
                i++) {
            Thread.sleep(50);
        }
        var study = studies.create(run, 4, 9);
        assertThat(study.reader())
                .as("the instructor sets it up; the run's owner reads")
                .isEqualTo(trainee);

        navigate(ReaderStudyView.class, study.id());
        assertThat($(Paragraph.class).all())
                .anyMatch(p -> p.getText()
                        .equals(trainee + " reads this study: 0 of 4 cases read without the model,"
                                + " 0 with it. The results appear here once both rounds are read."));
        assertThat($(Button.class).all())
                .noneMatch(b -> "reader-save".equals(b.getId().orElse("")));
    }
}
