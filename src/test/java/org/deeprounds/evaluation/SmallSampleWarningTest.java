package org.deeprounds.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Paragraph;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.evaluation.ui.EvaluationView;
import org.deeprounds.training.RunService;
import org.deeprounds.training.RunStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The small-sample warning reaches every place subgroups are read (the evaluation JSON, the evaluation page, the model
 * card) for every sensitive column whose groups are small, and none of them when every group is large enough.
 */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class SmallSampleWarningTest extends SpringBrowserlessTest {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    DatasetService datasets;

    @Autowired
    RunService runs;

    @Test
    void a_small_cohort_is_warned_about_for_every_sensitive_column_everywhere() throws Exception {
        long run = trainedOn(cohort("Small subgroup cohort", 120, 5));

        var subgroups = evaluationJson(run).get("subgroups");
        assertThat(subgroups).hasSize(2);
        for (var report : subgroups) {
            assertThat(report.get("groups"))
                    .as("precondition: some group is short of cases with or without the condition")
                    .anyMatch(g -> g.get("positives").asInt() < 30
                            || g.get("negatives").asInt() < 30);
            var warning = report.get("smallSampleWarning").asString();
            assertThat(warning).startsWith("Small groups: ").contains("fewer than 30");
            for (var g : report.get("groups")) {
                if (g.get("positives").asInt() < 30) {
                    assertThat(warning)
                            .contains("'" + g.get("group").asString() + "' has "
                                    + g.get("positives").asInt() + " case");
                }
                assertThat(g.get("positives").asInt() + g.get("negatives").asInt())
                        .isEqualTo(g.get("cases").asInt());
            }
            var column = report.get("column").asString();
            assertThat(modelCard(run)).contains("By " + column + ": " + warning);
            navigate(EvaluationView.class, run);
            assertThat($(Paragraph.class).id("small-sample-" + column).getText())
                    .isEqualTo(warning);
        }
    }

    @Test
    void a_cohort_whose_groups_all_have_30_cases_with_and_without_the_condition_gets_no_warning() throws Exception {
        long run = trainedOn(cohort("Large subgroup cohort", 2400, 6));

        var subgroups = evaluationJson(run).get("subgroups");
        assertThat(subgroups).hasSize(2);
        for (var report : subgroups) {
            assertThat(report.get("groups"))
                    .as("precondition: every group has 30 cases with and 30 without the condition")
                    .allMatch(g -> g.get("positives").asInt() >= 30
                            && g.get("negatives").asInt() >= 30);
            assertThat(report.get("smallSampleWarning").isNull()).isTrue();
        }
        assertThat(modelCard(run)).contains("## Subgroups").doesNotContain("Small groups");
        navigate(EvaluationView.class, run);
        assertThat($(Paragraph.class).all()).noneMatch(p -> p.getId().orElse("").startsWith("small-sample-"));
    }

    /** Patients with sex, age and a blood pressure on which about half have the event. */
    private long cohort(String name, int patients, long seed) {
        var csv = new StringBuilder("age,sex,sbp,event\n");
        var random = new Random(seed);
        for (int i = 0; i < patients; i++) {
            double sbp = 130 + 20 * random.nextGaussian();
            csv.append(String.format(
                    Locale.ROOT,
                    "%d,%s,%.1f,%s%n",
                    40 + random.nextInt(46),
                    random.nextBoolean() ? "F" : "M",
                    sbp,
                    sbp + 15 * random.nextGaussian() > 130 ? "yes" : "no"));
        }
        return datasets.importUpload(
                        new DatasetService.ImportRequest(
                                name,
                                null,
                                "event",
                                null,
                                List.of("sex", "age"),
                                "yes",
                                List.of(),
                                null,
                                "CC0 1.0",
                                null),
                        new DatasetService.Upload(
                                "cohort.csv",
                                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))),
                        null)
                .id();
    }

    private long trainedOn(long dataset) throws InterruptedException {
        long run = runs.submit(dataset, "ehr-mlp", new RunService.Overrides(2, 0.01, null, 3L), null)
                .id();
        for (int i = 0; i < 600 && !runs.get(run).status().finished(); i++) {
            Thread.sleep(50);
        }
        assertThat(runs.get(run).status()).isEqualTo(RunStatus.COMPLETED);
        return run;
    }

    private JsonNode evaluationJson(long run) {
        var response = TestUsers.get(port, "/api/v1/runs/" + run + "/evaluation?threshold=0.5", TestUsers.TRAINEE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String modelCard(long run) {
        var card = TestUsers.get(port, "/api/v1/runs/" + run + "/model-card?format=markdown", TestUsers.TRAINEE);
        assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
        return card.body();
    }
}
