package org.deeprounds.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeprounds.IntegrationTest;
import org.deeprounds.MutableClock;
import org.deeprounds.TestUsers;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personal API tokens over real HTTP: created with the password (Basic here, the browser under My account), shown
 * once, stored as a hash, used as {@code Authorization: Bearer}, revoked at once, never another user's, and never
 * able to create tokens or change the password.
 */
@IntegrationTest
class ApiTokenTest {

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
    AuditLog audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    JsonMapper json;

    @Test
    void a_token_signs_its_owner_in_with_their_roles_and_no_session() {
        var owner = newTrainee();
        var created = createToken(owner, "{\"name\": \"grades export\"}");
        var token = created.get("token").asString();
        assertThat(token).startsWith("drt_");

        var me = TestUsers.getWithToken(port, "/api/v1/me", token);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(read(me).get("username").asString()).isEqualTo(owner.username());
        assertThat(me.headers().firstValue("Set-Cookie"))
                .as("stateless: no session")
                .isEmpty();
        assertThat(TestUsers.getWithToken(port, "/api/v1/admin/users", token).statusCode())
                .as("a trainee's token has a trainee's rights")
                .isEqualTo(403);
        // The shared administrator: a second enabled one would change what tests of the last administrator see.
        var adminToken = createToken(TestUsers.ADMIN, "{\"name\": \"sync\"}");
        assertThat(TestUsers.getWithToken(
                                port,
                                "/api/v1/admin/users",
                                adminToken.get("token").asString())
                        .statusCode())
                .as("an administrator's token has an administrator's rights")
                .isEqualTo(200);
        TestUsers.send(port, "DELETE", "/api/v1/me/tokens/" + adminToken.get("id"), TestUsers.ADMIN);
        var listed = TestUsers.getWithToken(port, "/api/v1/me/tokens", token);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(read(listed).get(0).get("lastUsedAt").isNull())
                .as("last use recorded")
                .isFalse();
    }

    @Test
    void the_secret_is_shown_once_and_stored_only_as_its_hash() {
        var owner = newTrainee();
        var created = createToken(owner, "{\"name\": \"nightly\", \"expiresInDays\": 30}");
        var token = created.get("token").asString();
        var secret = token.substring("drt_".length() + ApiTokenSecrets.LOOKUP_ID_LENGTH + 1);
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);

        var listed = TestUsers.get(port, "/api/v1/me/tokens", owner);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("nightly").doesNotContain(secret);
        var row = jdbc.queryForMap(
                "select * from api_token where id = ?", created.get("id").asLong());
        assertThat(row.values())
                .as("no column holds the secret")
                .noneSatisfy(v -> assertThat(String.valueOf(v)).contains(secret));
        assertThat(row.get("SECRET_HASH")).isEqualTo(ApiTokenSecrets.hash(secret));
        assertThat(created.get("expiresAt").isNull()).isFalse();
    }

    @Test
    void a_revoked_token_is_refused_at_once_with_json() throws Exception {
        var owner = newTrainee();
        var created = createToken(owner, "{\"name\": \"to revoke\"}");
        var token = created.get("token").asString();
        assertThat(TestUsers.getWithToken(port, "/api/v1/me", token).statusCode())
                .isEqualTo(200);

        var revoked = TestUsers.send(port, "DELETE", "/api/v1/me/tokens/" + created.get("id"), owner);
        assertThat(revoked.statusCode()).isEqualTo(204);

        var refused = TestUsers.getWithToken(port, "/api/v1/me", token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(read(refused).get("detail").asString()).contains("API token");
        assertThat(TestUsers.getWithToken(port, "/api/v1/me", "drt_aaaaaaaaaaaa_wrong")
                        .body())
                .as("an unknown token gets the same answer")
                .isEqualTo(refused.body());
        assertThat(TestUsers.getWithToken(port, "/api/v1/me", token + "x").statusCode())
                .isEqualTo(401);
        withAdmin(() -> assertThat(
                        audit.page(List.of(AuditAction.API_TOKEN_CREATED, AuditAction.API_TOKEN_REVOKED), 0, 50))
                .filteredOn(e -> owner.username().equals(e.getSubject()))
                .extracting(e -> e.getAction())
                .contains(AuditAction.API_TOKEN_CREATED, AuditAction.API_TOKEN_REVOKED));
    }

    @Test
    void another_users_token_cannot_be_revoked_or_seen() {
        var owner = newTrainee();
        var other = newTrainee();
        var created = createToken(owner, "{\"name\": \"mine\"}");

        var attempt = TestUsers.send(port, "DELETE", "/api/v1/me/tokens/" + created.get("id"), other);
        assertThat(attempt.statusCode()).as(attempt.body()).isEqualTo(404);
        assertThat(TestUsers.get(port, "/api/v1/me/tokens", other).body()).doesNotContain("mine");
        assertThat(TestUsers.getWithToken(
                                port, "/api/v1/me", created.get("token").asString())
                        .statusCode())
                .as("still works")
                .isEqualTo(200);
    }

    @Test
    void a_token_cannot_create_tokens_revoke_them_or_change_the_password() throws Exception {
        var owner = newTrainee();
        var created = createToken(owner, "{\"name\": \"limited\"}");
        var token = created.get("token").asString();

        var create = withToken("POST", "/api/v1/me/tokens", "{\"name\": \"more\"}", token);
        assertThat(create.statusCode()).as(create.body()).isEqualTo(403);
        assertThat(create.body()).contains("needs a sign-in with your password");
        var revoke = withToken("DELETE", "/api/v1/me/tokens/" + created.get("id"), null, token);
        assertThat(revoke.statusCode()).isEqualTo(403);
        var password = withToken(
                "PUT",
                "/api/v1/me/password",
                "{\"currentPassword\": \"" + owner.password() + "\", \"newPassword\": \"Taken-Over-2026\"}",
                token);
        assertThat(password.statusCode()).as(password.body()).isEqualTo(403);
        assertThat(TestUsers.get(port, "/api/v1/me", owner).statusCode())
                .as("the password is unchanged")
                .isEqualTo(200);
        assertThat(TestUsers.get(port, "/api/v1/me/tokens", owner).body()).doesNotContain("more");
    }

    @Test
    void tokens_stop_working_when_the_account_is_disabled_or_locked_or_the_token_expires() {
        var disabled = newTrainee();
        var disabledToken =
                createToken(disabled, "{\"name\": \"d\"}").get("token").asString();
        var locked = newTrainee();
        var lockedToken = createToken(locked, "{\"name\": \"l\"}").get("token").asString();
        var expiring = newTrainee();
        var expiringToken = createToken(expiring, "{\"name\": \"e\", \"expiresInDays\": 1}")
                .get("token")
                .asString();

        withAdmin(() -> {
            var account = accounts.list().stream()
                    .filter(a -> a.username().equals(disabled.username()))
                    .findFirst()
                    .orElseThrow();
            accounts.update(
                    account.id(),
                    new AccountDraft(
                            account.username(), account.displayName(), account.email(), account.roles(), false));
        });
        assertThat(TestUsers.getWithToken(port, "/api/v1/me", disabledToken).statusCode())
                .isEqualTo(401);

        for (int i = 0; i < 5; i++) {
            TestUsers.get(port, "/api/v1/me", new TestUsers.Credentials(locked.username(), "wrong-" + i));
        }
        assertThat(TestUsers.getWithToken(port, "/api/v1/me", lockedToken).statusCode())
                .isEqualTo(401);

        assertThat(TestUsers.getWithToken(port, "/api/v1/me", expiringToken).statusCode())
                .isEqualTo(200);
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(TestUsers.getWithToken(port, "/api/v1/me", expiringToken).statusCode())
                .isEqualTo(401);
    }

    @Test
    void deleting_an_account_deletes_its_tokens() {
        var owner = newTrainee();
        var id = createToken(owner, "{\"name\": \"gone\"}").get("id").asLong();
        var userId =
                jdbc.queryForObject("select id from user_account where username = ?", Long.class, owner.username());

        jdbc.update("delete from user_account where id = ?", userId);

        assertThat(jdbc.queryForObject("select count(*) from api_token where id = ?", Long.class, id))
                .isZero();
    }

    @Test
    void bad_token_requests_are_refused_with_the_reason() {
        var owner = newTrainee();
        var noName = TestUsers.postJson(port, "/api/v1/me/tokens", "{\"name\": \"  \"}", owner);
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("Name");
        var badDays = TestUsers.postJson(port, "/api/v1/me/tokens", "{\"name\": \"x\", \"expiresInDays\": 0}", owner);
        assertThat(badDays.statusCode()).isEqualTo(400);
        assertThat(badDays.body()).contains("expiresInDays");
    }

    private TestUsers.Credentials newTrainee() {
        return TestUsers.newAccount(
                accounts,
                "token-user-" + USERS.incrementAndGet() + "-" + System.nanoTime() % 10_000,
                AppRoles.TRAINEE,
                true);
    }

    private JsonNode createToken(TestUsers.Credentials owner, String body) {
        var response = TestUsers.postJson(port, "/api/v1/me/tokens", body, owner);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return read(response);
    }

    private JsonNode read(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private HttpResponse<String> withToken(String method, String path, String body, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void withAdmin(Runnable action) {
        TestUsers.as("admin", AppRoles.ADMIN, () -> {
            action.run();
            return null;
        });
    }
}
