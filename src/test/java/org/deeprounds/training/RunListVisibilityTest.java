package org.deeprounds.training;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.CohortService;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.curriculum.TeachingFixtures;
import org.deeprounds.models.InputShape;
import org.deeprounds.models.Templates;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/runs} answers what the caller may see, newest first, a page at a time: a trainee their own runs,
 * an instructor theirs and their cohorts' trainees', an administrator every run. The database selects them: listing
 * costs the same number of SQL statements however many runs other users have.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunListVisibilityTest {

    @LocalServerPort
    int port;

    @Autowired
    TrainingRunRepository runs;

    @Autowired
    AccountService accounts;

    @Autowired
    CohortService cohorts;

    @Autowired
    JsonMapper json;

    @Autowired
    EntityManagerFactory entityManagers;

    TestUsers.Credentials teacher;
    TestUsers.Credentials taught;
    TestUsers.Credentials elsewhere;
    /** In another teacher's cohort too; only the statement count adds runs of theirs. */
    TestUsers.Credentials crowd;
    /** Newest first, as the list answers. */
    List<Long> taughtRuns;

    List<Long> teacherRuns;
    List<Long> elsewhereRuns;

    @BeforeAll
    void cohortWithRuns() {
        teacher = TeachingFixtures.account(accounts, "runs-teacher", AppRoles.INSTRUCTOR);
        var otherTeacher = TeachingFixtures.account(accounts, "runs-other-teacher", AppRoles.INSTRUCTOR);
        taught = TeachingFixtures.account(accounts, "runs-taught", AppRoles.TRAINEE);
        elsewhere = TeachingFixtures.account(accounts, "runs-elsewhere", AppRoles.TRAINEE);
        crowd = TeachingFixtures.account(accounts, "runs-crowd", AppRoles.TRAINEE);
        TeachingFixtures.cohort(cohorts, "Runs listing cohort", teacher.username(), List.of(taught.username()));
        TeachingFixtures.cohort(
                cohorts,
                "Another teacher's cohort",
                otherTeacher.username(),
                List.of(elsewhere.username(), crowd.username()));
        taughtRuns = finishedRuns(taught.username(), 3);
        elsewhereRuns = finishedRuns(elsewhere.username(), 2);
        teacherRuns = finishedRuns(teacher.username(), 1);
    }

    @Test
    void each_role_lists_only_the_runs_it_may_see_newest_first() {
        assertThat(ids(list("", taught))).containsExactlyElementsOf(taughtRuns);
        assertThat(ids(list("", elsewhere))).containsExactlyElementsOf(elsewhereRuns);

        var expected = new ArrayList<>(teacherRuns);
        expected.addAll(taughtRuns);
        var forTeacher = list("", teacher);
        assertThat(ids(forTeacher))
                .as("their own and their cohort's trainee's, never another cohort's")
                .containsExactlyElementsOf(expected);
        assertThat(forTeacher.headers().firstValue("X-Total-Count")).hasValue("4");

        var forAdmin = ids(list("?size=500", TestUsers.ADMIN));
        assertThat(forAdmin).containsAll(taughtRuns).containsAll(elsewhereRuns).containsAll(teacherRuns);
        assertThat(forAdmin).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void the_list_comes_in_pages_with_the_total_and_links_to_the_next() {
        var first = list("?page=0&size=2", teacher);
        assertThat(ids(first)).containsExactly(teacherRuns.getFirst(), taughtRuns.get(0));
        assertThat(first.headers().firstValue("X-Total-Count")).hasValue("4");
        assertThat(first.headers().firstValue("Link")).hasValue("</api/v1/runs?page=1&size=2>; rel=\"next\"");

        var second = list("?page=1&size=2", teacher);
        assertThat(ids(second)).containsExactly(taughtRuns.get(1), taughtRuns.get(2));
        assertThat(second.headers().firstValue("Link")).hasValue("</api/v1/runs?page=0&size=2>; rel=\"prev\"");

        assertThat(ids(list("?page=2&size=2", teacher))).isEmpty();

        var tooBig = TestUsers.get(port, "/api/v1/runs?size=501", teacher);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("size must be from 1 to 500, not 501");
        var notANumber = TestUsers.get(port, "/api/v1/runs?page=first", teacher);
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("page");
    }

    /**
     * Before, the list loaded every run of every user and asked for the instructor's cohorts once per run: 40 more runs
     * of another cohort's trainee cost 40 more statements, for runs the instructor never sees.
     */
    @Test
    void listing_costs_the_same_statements_however_many_runs_others_have() {
        long before = statementsToList(teacher);
        finishedRuns(crowd.username(), 40);
        long after = statementsToList(teacher);
        assertThat(after - before)
                .as("statements added by 40 runs the instructor may not see (%d before, %d after)", before, after)
                .isLessThan(5);
    }

    private long statementsToList(TestUsers.Credentials who) {
        var statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            list("", who); // warm: sign-in caches and the like
            statistics.clear();
            assertThat(ids(list("", who))).hasSize(4);
            return statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    private HttpResponse<String> list(String query, TestUsers.Credentials who) {
        var response = TestUsers.get(port, "/api/v1/runs" + query, who);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private List<Long> ids(HttpResponse<String> response) {
        var array = json.readTree(response.body());
        assertThat(array.isArray()).as("still a JSON array").isTrue();
        var out = new ArrayList<Long>();
        array.forEach(run -> out.add(run.get("id").asLong()));
        return out;
    }

    /** Completed runs recorded straight in the database (nothing is trained), newest first. */
    private List<Long> finishedRuns(String owner, int count) {
        var spec = json.writeValueAsString(Templates.create("ehr-mlp", InputShape.tabular(4), 2));
        var made = IntStream.range(0, count)
                .mapToObj(i -> {
                    var run = new TrainingRun(
                            owner, 1, "0".repeat(64), "ehr-mlp", spec, 1, 3, "{\"backend\": \"CPU\"}", Instant.now());
                    run.finish(RunStatus.COMPLETED, StopReason.ALL_EPOCHS, 3, "[]", "Done.", Instant.now());
                    return runs.save(run).getId();
                })
                .toList();
        return made.reversed();
    }
}
