package org.deeprounds.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A password someone else issued (new account, reset, CSV import) must be replaced before anything else: the API
 * answers 403 with what to do, except to change the password; pages outside Vaadin lead to the change-password page.
 * Demo accounts and an administrator whose password came from configuration are not held.
 */
@IntegrationTest
class PasswordChangeRequiredTest {

    private static final AtomicInteger USERS = new AtomicInteger();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    TraineeImport importer;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    UserAccountRepository users;

    @Test
    void a_new_account_can_only_change_its_temporary_password_through_the_api() throws Exception {
        var issued = asAdmin(() -> accounts.create(new AccountDraft(
                "temp-" + USERS.incrementAndGet(), "Temporary Tess", null, Set.of(AppRoles.TRAINEE), true)));
        var temporary = new TestUsers.Credentials(issued.username(), issued.password());

        var me = TestUsers.get(port, "/api/v1/me", temporary);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(403);
        assertThat(me.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(me.body()).contains("must be replaced").contains("PUT /api/v1/me/password");
        assertThat(TestUsers.get(port, "/api/v1/datasets", temporary).statusCode())
                .isEqualTo(403);

        var same = changePassword(temporary, issued.password(), issued.password());
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(same.body()).contains("different from the temporary one");
        var weak = changePassword(temporary, issued.password(), "short1");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("at least 10 characters");
        var wrong = changePassword(temporary, "not-the-temporary-1", "Brand-New-Pass-7");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("not the temporary password");

        var changed = changePassword(temporary, issued.password(), "Brand-New-Pass-7");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        var own = new TestUsers.Credentials(issued.username(), "Brand-New-Pass-7");
        assertThat(TestUsers.get(port, "/api/v1/me", own).statusCode()).isEqualTo(200);
        assertThat(TestUsers.get(port, "/api/v1/me", temporary).statusCode())
                .as("the temporary password is gone")
                .isEqualTo(401);
        checkAsAdmin(() -> assertThat(audit.page(List.of(AuditAction.PASSWORD_CHANGED), 0, 50))
                .anySatisfy(e -> {
                    assertThat(e.getSubject()).isEqualTo(issued.username());
                    assertThat(e.getDetail()).contains("issued by an administrator");
                }));
    }

    @Test
    void a_reset_holds_the_account_again_and_its_tokens_too() {
        var user = TestUsers.newAccount(accounts, "reset-" + USERS.incrementAndGet(), AppRoles.TRAINEE, true);
        var token = TestUsers.as(user.username(), AppRoles.TRAINEE, () -> tokens.create(user.username(), "t", null))
                .token();
        assertThat(TestUsers.getWithToken(port, "/api/v1/me", token).statusCode())
                .isEqualTo(200);

        var reset = asAdmin(() -> accounts.resetPassword(id(user.username())));

        var me = TestUsers.get(port, "/api/v1/me", new TestUsers.Credentials(user.username(), reset.password()));
        assertThat(me.statusCode()).isEqualTo(403);
        var byToken = TestUsers.getWithToken(port, "/api/v1/me", token);
        assertThat(byToken.statusCode()).isEqualTo(403);
        assertThat(byToken.body()).contains("must be replaced");
        assertThat(asAdmin(() -> accounts.list()).stream()
                        .filter(a -> a.username().equals(user.username()))
                        .findFirst()
                        .orElseThrow()
                        .passwordChangeRequired())
                .isTrue();
    }

    @Test
    void imported_trainees_must_change_their_password_and_demo_accounts_need_not() {
        var name = "imported-" + USERS.incrementAndGet();
        var report = asAdmin(
                () -> importer.importCsv("class.csv", new StringReader("name,username\nImported Ida," + name + "\n")));
        assertThat(report.imported()).isTrue();
        var password = report.rows().getFirst().password();
        assertThat(TestUsers.get(port, "/api/v1/me", new TestUsers.Credentials(name, password))
                        .statusCode())
                .isEqualTo(403);

        for (var kept : List.of(TestUsers.TRAINEE, TestUsers.INSTRUCTOR, TestUsers.ADMIN)) {
            assertThat(TestUsers.get(port, "/api/v1/me", kept).statusCode())
                    .as("%s (demo account or configured administrator)", kept.username())
                    .isEqualTo(200);
        }
    }

    @Test
    void a_browser_session_is_led_to_the_change_password_page() throws Exception {
        var issued = asAdmin(() -> accounts.create(new AccountDraft(
                "session-" + USERS.incrementAndGet(), "Session Sam", null, Set.of(AppRoles.TRAINEE), true)));
        var cookie = TestUsers.formSession(port, new TestUsers.Credentials(issued.username(), issued.password()));

        var train = TestUsers.getWithSession(port, "/train", cookie);
        assertThat(train.statusCode()).isEqualTo(302);
        assertThat(train.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/change-password"));
        assertThat(TestUsers.getWithSession(port, "/api/v1/me", cookie).statusCode())
                .isEqualTo(403);
        assertThat(TestUsers.getWithSession(port, "/change-password", cookie).statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> changePassword(TestUsers.Credentials who, String current, String fresh)
            throws Exception {
        var body = "{\"currentPassword\": \"" + current + "\", \"newPassword\": \"" + fresh + "\"}";
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/password"))
                        .header("Authorization", basic(who))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(TestUsers.Credentials who) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((who.username() + ":" + who.password())
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private long id(String username) {
        return users.findByUsername(username).orElseThrow().getId();
    }

    private static <T> T asAdmin(java.util.function.Supplier<T> action) {
        return TestUsers.as("admin", AppRoles.ADMIN, action);
    }

    private static void checkAsAdmin(Runnable action) {
        TestUsers.as("admin", AppRoles.ADMIN, () -> {
            action.run();
            return null;
        });
    }
}
