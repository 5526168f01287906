package org.deeprounds.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.deeprounds.IntegrationTest;
import org.deeprounds.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Only a call that really authenticates with HTTP Basic or an API token skips the CSRF check: a session cookie beside
 * another Authorization header still needs the token, and Basic or token credentials beside a session cookie must be
 * right on their own (the session is not read for them).
 * The sign-in form itself needs the token (login CSRF), which Vaadin's login form sends from the page's meta tags.
 */
@IntegrationTest
class CsrfTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    AccountService accounts;

    @Test
    void a_session_cookie_with_a_bearer_header_still_needs_the_csrf_token() throws Exception {
        var cookie = TestUsers.formSession(port, TestUsers.TRAINEE);
        var response = post("/api/v1/runs", "{}", cookie, "Bearer x");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("CSRF");
    }

    @Test
    void a_basic_header_beside_a_session_cookie_must_carry_the_right_password() throws Exception {
        var cookie = TestUsers.formSession(port, TestUsers.TRAINEE);
        var wrong = basic(TestUsers.TRAINEE.username(), "not-the-password");
        assertThat(post("/api/v1/runs", "{}", cookie, wrong).statusCode()).isEqualTo(401);
        var right = basic(TestUsers.TRAINEE.username(), TestUsers.TRAINEE.password());
        assertThat(post("/api/v1/runs", "{}", cookie, right).statusCode())
                .as("Basic with the right password skips the token")
                .isNotIn(401, 403);
    }

    @Test
    void an_api_token_beside_a_session_cookie_is_checked_on_its_own() throws Exception {
        var cookie = TestUsers.formSession(port, TestUsers.TRAINEE);
        var bogus = post("/api/v1/runs", "{}", cookie, "Bearer drt_aaaaaaaaaaaa_not-a-real-secret");
        assertThat(bogus.statusCode()).as("not signed in through the session").isEqualTo(401);

        var owner = TestUsers.newAccount(accounts, "csrf-token-" + System.nanoTime() % 100_000, "TRAINEE", true);
        var created = TestUsers.postJson(port, "/api/v1/me/tokens", "{\"name\": \"csrf\"}", owner);
        var token = created.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        var me = CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                        .header("Cookie", cookie)
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.body()).as("the token's owner, not the session's").contains(owner.username());
        assertThat(post("/api/v1/runs", "{}", cookie, "Bearer " + token).statusCode())
                .as("a valid token skips the CSRF token")
                .isNotIn(401, 403);
    }

    @Test
    void signing_in_without_the_csrf_token_is_refused() throws Exception {
        var page = TestUsers.loginPage(port);
        var form = "username=" + TestUsers.TRAINEE.username() + "&password=" + TestUsers.TRAINEE.password();
        var response = CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", page.cookie())
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("sign-in without the token").isEqualTo(403);
        assertThat(TestUsers.getWithSession(port, "/train", page.cookie()).statusCode())
                .as("the session did not sign in")
                .isEqualTo(302);
    }

    @Test
    void signing_in_with_the_csrf_token_works() {
        var cookie = TestUsers.formSession(port, TestUsers.TRAINEE);
        assertThat(TestUsers.getWithSession(port, "/train", cookie).statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> post(String path, String json, String cookie, String authorization) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json")
                        .header("Cookie", cookie)
                        .header("Authorization", authorization)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
