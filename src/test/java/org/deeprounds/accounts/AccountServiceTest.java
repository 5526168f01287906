package org.deeprounds.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.deeprounds.IntegrationTest;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;

@IntegrationTest
class AccountServiceTest {

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    UserAccountRepository users;

    @Autowired
    PasswordEncoder encoder;

    @Test
    @WithMockUser(username = "admin", roles = AppRoles.ADMIN)
    void an_administrator_creates_an_account_and_changes_its_roles_with_an_audit_trail() {
        var issued = accounts.create(
                new AccountDraft("Res.Smith", "Dr Smith", "smith@example.org", Set.of(AppRoles.TRAINEE), true));
        assertThat(issued.username()).isEqualTo("res.smith");

        var id = find("res.smith").id();
        var updated = accounts.update(
                id,
                new AccountDraft(
                        "res.smith",
                        "Dr Smith",
                        "smith@example.org",
                        Set.of(AppRoles.TRAINEE, AppRoles.INSTRUCTOR),
                        true));

        assertThat(updated.roles()).containsExactlyInAnyOrder(AppRoles.TRAINEE, AppRoles.INSTRUCTOR);
        assertThat(audit.page(List.of(AuditAction.ROLES_CHANGED), 0, 20))
                .anySatisfy(e -> assertThat(e.getDetail()).isEqualTo("[TRAINEE] -> [INSTRUCTOR, TRAINEE]"));
    }

    @Test
    @WithMockUser(username = "admin", roles = AppRoles.ADMIN)
    void bad_account_fields_are_refused_with_every_problem_named() {
        assertThatThrownBy(() -> accounts.create(new AccountDraft("x", " ", "nope", Set.of(), true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("username 'x'")
                .hasMessageContaining("name is required")
                .hasMessageContaining("email 'nope'")
                .hasMessageContaining("choose at least one role");
        assertThatThrownBy(() ->
                        accounts.create(new AccountDraft("trainee1", "Dup", null, Set.of(AppRoles.TRAINEE), true)))
                .hasMessageContaining("already taken");
    }

    @Test
    @WithMockUser(username = "admin", roles = AppRoles.ADMIN)
    void the_last_enabled_administrator_cannot_be_demoted_or_disabled() {
        var admin = find("admin");
        assertThatThrownBy(() -> accounts.update(
                        admin.id(),
                        new AccountDraft("admin", "Administrator", null, Set.of(AppRoles.INSTRUCTOR), true)))
                .hasMessageContaining("only enabled administrator");
        assertThatThrownBy(() -> accounts.update(
                        admin.id(), new AccountDraft("admin", "Administrator", null, Set.of(AppRoles.ADMIN), false)))
                .hasMessageContaining("only enabled administrator");
    }

    @Test
    @WithMockUser(username = "trainee1", roles = AppRoles.TRAINEE)
    void a_trainee_may_not_manage_accounts_or_read_another_account() {
        assertThatThrownBy(() -> accounts.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.own("trainee2")).isInstanceOf(AccessDeniedException.class);
        assertThat(accounts.own("trainee1").cohorts()).containsExactly("Demo cohort");
    }

    @Test
    @WithMockUser(username = "pw.change", roles = AppRoles.TRAINEE)
    void changing_ones_password_needs_the_current_one_and_a_strong_new_one() {
        var account =
                new UserAccount("pw.change", "Pat Change", null, encoder.encode("Initial-Pass-11"), Instant.now());
        account.setRoles(Set.of(AppRoles.TRAINEE));
        users.save(account);

        assertThatThrownBy(() -> accounts.changeOwnPassword("pw.change", "wrong", "Fresh-Password-77"))
                .hasMessageStartingWith("Current password");
        assertThatThrownBy(() -> accounts.changeOwnPassword("pw.change", "Initial-Pass-11", "short1"))
                .hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> accounts.changeOwnPassword("pw.change", "Initial-Pass-11", "pw.change-2026"))
                .hasMessageContaining("username");
        assertThatThrownBy(() -> accounts.changeOwnPassword("trainee1", "Learn-Rounds-2026a", "Fresh-Password-77"))
                .as("nobody changes another person's password")
                .isInstanceOf(AccessDeniedException.class);

        accounts.changeOwnPassword("pw.change", "Initial-Pass-11", "Fresh-Password-77");
        assertThat(encoder.matches(
                        "Fresh-Password-77",
                        users.findByUsername("pw.change").orElseThrow().getPasswordHash()))
                .isTrue();
        assertThatThrownBy(() -> accounts.changeOwnPassword("pw.change", "Initial-Pass-11", "Another-Pass-88"))
                .as("the old password no longer works")
                .hasMessageStartingWith("Current password");
    }

    private AccountSummary find(String username) {
        return accounts.list().stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow();
    }
}
