package org.deeprounds.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.deeprounds.IntegrationTest;
import org.deeprounds.MutableClock;
import org.deeprounds.TestUsers;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/** Five failed sign-ins within 15 minutes lock an account for 15 minutes; an administrator can unlock it sooner. */
@IntegrationTest
class LockoutTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    MutableClock clock;

    @Test
    @WithMockUser(username = "admin", roles = AppRoles.ADMIN)
    void five_failures_lock_the_account_until_the_lock_runs_out() {
        var user = newTrainee("lockout-a");
        failSignIn(user.username(), 4);
        assertThat(signIn(user).statusCode()).as("four failures do not lock").isEqualTo(200);

        failSignIn(user.username(), 5);
        var refused = signIn(user);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body())
                .as("a locked account answers like a wrong password")
                .isEqualTo(signIn(new TestUsers.Credentials(user.username(), "wrong-password"))
                        .body());
        assertThat(lockedFlag(user.username())).isTrue();
        assertThat(audit.page(List.of(AuditAction.LOCKOUT), 0, 50))
                .anySatisfy(e -> assertThat(e.getSubject()).isEqualTo(user.username()));

        clock.advance(Duration.ofMinutes(14));
        assertThat(signIn(user).statusCode())
                .as("still locked after 14 minutes")
                .isEqualTo(401);
        clock.advance(Duration.ofMinutes(2));
        assertThat(signIn(user).statusCode()).as("free again after 16 minutes").isEqualTo(200);
    }

    @Test
    @WithMockUser(username = "admin", roles = AppRoles.ADMIN)
    void failures_spread_over_more_than_the_window_do_not_lock() {
        var user = newTrainee("lockout-b");
        for (int i = 0; i < 6; i++) {
            failSignIn(user.username(), 1);
            clock.advance(Duration.ofMinutes(4));
        }
        assertThat(signIn(user).statusCode()).isEqualTo(200);
    }

    @Test
    @WithMockUser(username = "admin", roles = AppRoles.ADMIN)
    void an_administrator_unlocks_a_locked_account() {
        var user = newTrainee("lockout-c");
        failSignIn(user.username(), 5);
        assertThat(signIn(user).statusCode()).isEqualTo(401);

        var id = accounts.list().stream()
                .filter(a -> a.username().equals(user.username()))
                .findFirst()
                .orElseThrow()
                .id();
        accounts.unlock(id);

        assertThat(signIn(user).statusCode()).isEqualTo(200);
        assertThat(audit.page(List.of(AuditAction.UNLOCK), 0, 50))
                .anySatisfy(e -> assertThat(e.getSubject()).isEqualTo(user.username()));
    }

    private TestUsers.Credentials newTrainee(String username) {
        return TestUsers.newAccount(accounts, username, AppRoles.TRAINEE, true);
    }

    private boolean lockedFlag(String username) {
        return accounts.list().stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow()
                .locked();
    }

    private java.net.http.HttpResponse<String> signIn(TestUsers.Credentials user) {
        return TestUsers.get(port, "/api/v1/me", user);
    }

    private void failSignIn(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(signIn(new TestUsers.Credentials(username, "wrong-password-" + i))
                            .statusCode())
                    .isEqualTo(401);
        }
    }
}
