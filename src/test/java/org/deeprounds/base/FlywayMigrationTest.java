package org.deeprounds.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.util.ArrayList;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The migrations build the whole schema on an empty H2 database, and a second run has nothing to do. */
class FlywayMigrationTest {

    @Test
    void migrations_create_the_schema_on_an_empty_h2_database() throws Exception {
        var url = "jdbc:h2:mem:flyway-empty;DB_CLOSE_DELAY=-1";
        var flyway = Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .load();

        var result = flyway.migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isPositive();
        assertThat(flyway.migrate().migrationsExecuted).as("nothing left to do").isZero();
        try (var connection = DriverManager.getConnection(url, "sa", "");
                var rs = connection.getMetaData().getTables(null, "PUBLIC", null, new String[] {"TABLE"})) {
            var tables = new ArrayList<String>();
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase());
            }
            assertThat(tables)
                    .contains(
                            "user_account",
                            "user_role",
                            "cohort",
                            "cohort_trainee",
                            "cohort_instructor",
                            "login_failure",
                            "audit_event",
                            "api_token");
        }
    }
}
