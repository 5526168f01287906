package org.deeprounds.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * A failed sign-in tells nothing about the account: an unknown name, a wrong password, a locked and a disabled account
 * get the same answer, whatever the password. And strangers cannot grow the audit log: failures with names that are
 * no account are counted, not stored one row each.
 */
@IntegrationTest
class SignInFailuresTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog audit;

    @Test
    @WithMockUser(username = "admin", roles = AppRoles.ADMIN)
    void every_failed_sign_in_gets_the_same_answer() {
        var locked = newTrainee("enum-locked", true);
        for (int i = 0; i < 5; i++) {
            me(new TestUsers.Credentials(locked.username(), "wrong-" + i));
        }
        var disabled = newTrainee("enum-disabled", false);
        var wrongPassword = me(new TestUsers.Credentials(TestUsers.TRAINEE.username(), "not-the-password"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);

        for (var attempt : List.of(
                new TestUsers.Credentials("no-such-account-" + System.nanoTime(), "whatever"),
                new TestUsers.Credentials(locked.username(), "wrong-again"),
                locked,
                new TestUsers.Credentials(disabled.username(), "wrong"),
                disabled)) {
            var response = me(attempt);
            assertThat(response.statusCode()).as(attempt.username()).isEqualTo(401);
            assertThat(response.body()).as(attempt.username()).isEqualTo(wrongPassword.body());
        }
        assertThat(wrongPassword.body()).doesNotContainIgnoringCase("locked").doesNotContainIgnoringCase("disabled");
    }

    @Test
    @WithMockUser(username = "admin", roles = AppRoles.ADMIN) // to read the audit log
    void failures_with_unknown_names_do_not_write_a_row_each() {
        var actions = List.of(AuditAction.LOGIN_FAILED, AuditAction.LOGIN_REFUSED_LOCKED);
        long before = audit.count(actions);
        for (int i = 0; i < 40; i++) {
            assertThat(me(new TestUsers.Credentials("stranger-" + i + "-" + System.nanoTime(), "guess"))
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(audit.count(actions) - before)
                .as("audit rows for 40 failures with unknown names within a minute")
                .isLessThanOrEqualTo(1);
        assertThat(audit.page(actions, 0, 100))
                .noneSatisfy(e -> assertThat(e.getSubject()).startsWith("stranger-"));
    }

    private TestUsers.Credentials newTrainee(String prefix, boolean enabled) {
        return TestUsers.newAccount(accounts, prefix + System.nanoTime() % 100_000, AppRoles.TRAINEE, enabled);
    }

    private java.net.http.HttpResponse<String> me(TestUsers.Credentials who) {
        return TestUsers.get(port, "/api/v1/me", who);
    }
}
