package org.deeprounds.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Set;
import java.util.regex.Pattern;
import org.deeprounds.IntegrationTest;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/** The first administrator: from DEEPROUNDS_ADMIN_PASSWORD, or generated and printed once. */
@IntegrationTest
@Transactional
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    PasswordPolicy policy;

    @Autowired
    AuditLog audit;

    @Autowired
    Clock clock;

    @Test
    void the_test_server_started_with_the_configured_admin_password() {
        var admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.getRoles()).containsExactly(AppRoles.ADMIN);
        assertThat(encoder.matches("Head-Of-Rounds-1", admin.getPasswordHash())).isTrue();
    }

    @Test
    void nothing_happens_when_an_administrator_exists() {
        assertThat(bootstrap("Another-Chief-Pass-2").ensureAdministrator()).isFalse();
        assertThat(encoder.matches(
                        "Head-Of-Rounds-1",
                        users.findByUsername("admin").orElseThrow().getPasswordHash()))
                .isTrue();
    }

    @Test
    void without_a_configured_password_a_strong_one_is_generated_and_logged_once(CapturedOutput output) {
        removeAllAdministrators();

        assertThat(bootstrap(null).ensureAdministrator()).isTrue();

        var matcher = Pattern.compile("password: (\\S+)").matcher(output.getOut());
        assertThat(matcher.find()).as("password printed to the log").isTrue();
        var password = matcher.group(1);
        assertThat(matcher.find()).as("printed only once").isFalse();
        assertThat(policy.problems(password, "admin")).isEmpty();
        var admin = users.findByUsername("admin").orElseThrow();
        assertThat(encoder.matches(password, admin.getPasswordHash())).isTrue();
        assertThat(admin.getRoles()).contains(AppRoles.ADMIN);
        assertThat(admin.isPasswordChangeRequired())
                .as("a password printed to the log is replaced at the first sign-in")
                .isTrue();
    }

    @Test
    void with_a_configured_password_that_password_is_used(CapturedOutput output) {
        removeAllAdministrators();

        assertThat(bootstrap("Configured-Chief-9").ensureAdministrator()).isTrue();

        var admin = users.findByUsername("admin").orElseThrow();
        assertThat(encoder.matches("Configured-Chief-9", admin.getPasswordHash()))
                .isTrue();
        assertThat(admin.isPasswordChangeRequired())
                .as("a configured password is the operator's choice (scripts may rely on it)")
                .isFalse();
        assertThat(output.getOut()).doesNotContain("Configured-Chief-9");
    }

    @Test
    void a_weak_configured_password_is_refused_with_the_reason() {
        removeAllAdministrators();

        assertThatThrownBy(() -> bootstrap("admin").ensureAdministrator())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DEEPROUNDS_ADMIN_PASSWORD")
                .hasMessageContaining("at least 10 characters");
    }

    private AdminBootstrap bootstrap(String password) {
        return new AdminBootstrap(users, encoder, policy, new AdminBootstrap.AdminProperties(password), audit, clock);
    }

    private void removeAllAdministrators() {
        users.findByRole(AppRoles.ADMIN).forEach(u -> u.setRoles(Set.of(AppRoles.INSTRUCTOR)));
        users.flush();
        assertThat(users.countWithRole(AppRoles.ADMIN)).isZero();
    }
}
