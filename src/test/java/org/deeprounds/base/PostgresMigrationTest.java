package org.deeprounds.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeprounds.DeepRoundsApplication;
import org.deeprounds.RestoresSecurityStrategy;
import org.deeprounds.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code postgres} profile on a real PostgreSQL server: the same migrations run, JPA validates the schema and
 * the first administrator is created. Runs where a server is reachable (CI starts one); skipped elsewhere.
 * Connection: {@code DEEPROUNDS_TEST_PG_URL}, {@code DEEPROUNDS_TEST_PG_USER}, {@code DEEPROUNDS_TEST_PG_PASSWORD}.
 */
@EnabledIf("org.deeprounds.TestPostgres#reachable")
@ExtendWith(RestoresSecurityStrategy.class)
class PostgresMigrationTest {

    @Test
    void the_postgres_profile_migrates_an_empty_database_and_starts() throws Exception {
        TestPostgres.emptySchema();
        try (var app = new SpringApplicationBuilder(DeepRoundsApplication.class)
                .profiles("postgres")
                .run(
                        "--server.port=0",
                        "--deeprounds.data-dir=target/test-data-postgres",
                        "--deeprounds.admin.password=Postgres-Chief-1",
                        "--spring.datasource.url=" + TestPostgres.URL,
                        "--spring.datasource.username=" + TestPostgres.USER,
                        "--spring.datasource.password=" + TestPostgres.PASSWORD)) {
            var jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                    .isPositive();
            assertThat(jdbc.queryForObject(
                            "select count(*) from user_account u join user_role r on r.user_id = u.id"
                                    + " where u.username = 'admin' and r.role = 'ADMIN'",
                            Integer.class))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        }
    }
}
