package org.deeprounds.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.deeprounds.IntegrationTest;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;

/** CSV import of trainees: all rows or none, with a report naming line and field. */
@IntegrationTest
@WithMockUser(username = "admin", roles = AppRoles.ADMIN)
class TraineeImportTest {

    @Autowired
    TraineeImport importer;

    @Autowired
    UserAccountRepository users;

    @Autowired
    CohortService cohorts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AuditLog audit;

    @Test
    void a_good_file_creates_every_trainee_with_a_working_password_and_their_cohort() {
        var csv = """
                name,username,email,cohort
                Ada Lovelace,ada.l,ada@example.org,Radiology 2027
                Grace Hopper,,grace@example.org,Radiology 2027
                "Snow, John",jsnow,,
                """;

        var report = importer.importCsv("class.csv", new StringReader(csv));

        assertThat(report.imported()).isTrue();
        assertThat(report.rows())
                .extracting(TraineeImport.RowResult::username)
                .containsExactly("ada.l", "grace@example.org", "jsnow");
        var ada = users.findByUsername("ada.l").orElseThrow();
        assertThat(ada.getRoles()).containsExactly(AppRoles.TRAINEE);
        assertThat(encoder.matches(report.rows().getFirst().password(), ada.getPasswordHash()))
                .isTrue();
        assertThat(users.findByUsername("jsnow").orElseThrow().getDisplayName()).isEqualTo("Snow, John");
        var cohort = cohorts.list().stream()
                .filter(c -> c.name().equals("Radiology 2027"))
                .findFirst()
                .orElseThrow();
        assertThat(cohort.trainees())
                .extracting(CohortSummary.Member::username)
                .containsExactly("ada.l", "grace@example.org");
        assertThat(audit.page(List.of(AuditAction.TRAINEES_IMPORTED), 0, 10))
                .anySatisfy(e -> assertThat(e.getSubject()).isEqualTo("class.csv"));
    }

    @Test
    void one_bad_row_imports_nothing_and_the_report_names_line_and_field() {
        var csv = """
                name,username,email,cohort
                Good Person,good.person,good@example.org,Bad File Cohort
                ,no.name,,
                Bad Mail,bad.mail,not-an-address,
                Twice,good.person,,
                Taken,trainee1,,
                """;

        var report = importer.importCsv("bad.csv", new StringReader(csv));

        assertThat(report.imported()).isFalse();
        assertThat(report.errorCount()).isEqualTo(4);
        assertThat(report.rows())
                .filteredOn(r -> !r.ok())
                .flatExtracting(TraineeImport.RowResult::problems)
                .containsExactly(
                        "line 3: name is required",
                        "line 4: email 'not-an-address' is not an e-mail address",
                        "line 5: username 'good.person' appears twice in this file",
                        "line 6: username 'trainee1' already exists");
        assertThat(users.existsByUsername("good.person"))
                .as("nothing half-imported")
                .isFalse();
        assertThat(cohorts.list()).noneMatch(c -> c.name().equals("Bad File Cohort"));
        assertThat(audit.page(List.of(AuditAction.TRAINEE_IMPORT_REJECTED), 0, 10))
                .anySatisfy(e -> assertThat(e.getSubject()).isEqualTo("bad.csv"));
    }

    @Test
    void a_file_without_the_needed_columns_is_refused_before_any_row() {
        var report = importer.importCsv("wrong.csv", new StringReader("full name,mail\nA,b@c.de\n"));

        assertThat(report.imported()).isFalse();
        assertThat(report.fileProblems())
                .contains(
                        "line 1: unknown column 'full name' (known: name, username, email, cohort)",
                        "line 1: column 'name' is missing",
                        "line 1: a 'username' or an 'email' column is needed");
    }

    @Test
    void an_empty_file_is_refused() {
        var report = importer.importCsv("empty.csv", new StringReader(""));

        assertThat(report.imported()).isFalse();
        assertThat(report.fileProblems()).singleElement().asString().contains("empty");
    }
}
