package org.deeprounds.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeprounds.IntegrationTest;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.training.RunService;
import org.deeprounds.training.RunStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The fairness sample: trained on the synthetic cohort whose sensitive columns are sex and age, the evaluation
 * reports every group of each with its own metrics, the gaps between them and what they mean; so does the card.
 */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class SubgroupsTest {

    @Autowired
    RunService runs;

    @Autowired
    DatasetService datasets;

    @Autowired
    EvaluationService evaluations;

    @Test
    void the_cohort_evaluation_reports_each_sensitive_group_and_the_gaps() throws Exception {
        var cohort = datasets.list().stream()
                .filter(d -> d.name().startsWith("SYNTHETIC heart-risk cohort"))
                .findFirst()
                .orElseThrow();
        long id = runs.submit(cohort.id(), "ehr-mlp", new RunService.Overrides(30, 0.003, null, 4L), null)
                .id();
        for (int i = 0; i < 1200 && !runs.get(id).status().finished(); i++) {
            Thread.sleep(50);
        }
        assertThat(runs.get(id).status()).isEqualTo(RunStatus.COMPLETED);

        var e = evaluations.evaluate(id, 0.3);

        assertThat(e.subgroups()).extracting(SubgroupReport::column).containsExactly("sex", "age");
        var sex = e.subgroups().getFirst();
        assertThat(sex.groups()).extracting(SubgroupReport.Group::group).containsExactly("sex F", "sex M");
        int cases = sex.groups().stream().mapToInt(SubgroupReport.Group::cases).sum();
        assertThat(cases).isEqualTo(e.cases());
        var women = sex.groups().get(0).sensitivity().value();
        var men = sex.groups().get(1).sensitivity().value();
        assertThat(sex.sensitivityGap()).isCloseTo(Math.abs(men - women), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(sex.reading()).containsAnyOf("gap of", "differs by");
        assertThat(e.subgroups().get(1).groups())
                .extracting(SubgroupReport.Group::group)
                .as("whole ages split at their exact median, a whole or a half year")
                .allMatch(g -> g.matches("age (≤|>) \\d+(\\.5)?"));
        assertThat(evaluations.modelCard(id, 0.3).markdown()).contains("## Subgroups", "By sex:", "| sex F |");
    }
}
