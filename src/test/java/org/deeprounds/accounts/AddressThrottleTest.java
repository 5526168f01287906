package org.deeprounds.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

/**
 * Too many failed sign-ins from one client address refuse further attempts from it for a while (429 with Retry-After
 * for the API, the usual error on the login page), whatever the password; other addresses are not affected, and
 * nothing is stored per attempt. Real HTTP from different loopback addresses (127.0.0.2, 127.0.0.3), so the server
 * sees each as its own client.
 */
@IntegrationTest
class AddressThrottleTest {

    @LocalServerPort
    int port;

    @Autowired
    AddressThrottlePolicy policy;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    MutableClock clock;

    @Test
    void too_many_failures_from_one_address_refuse_its_sign_ins_for_a_while_and_no_one_elses() throws Exception {
        var user = TestUsers.newAccount(accounts, "throttled-" + System.nanoTime() % 100_000, AppRoles.TRAINEE, true);
        var wrong = new TestUsers.Credentials(user.username(), "not-the-password");
        var a = new Client("127.0.0.2");
        var b = new Client("127.0.0.3");

        assertThat(b.basic("/api/v1/me", wrong).statusCode()).isEqualTo(401);
        // Failures of every kind count: a wrong password, an unknown name, a wrong API token (the cheap one).
        assertThat(a.basic("/api/v1/me", wrong).statusCode()).isEqualTo(401);
        assertThat(a.basic("/api/v1/me", new TestUsers.Credentials("nobody-here", "guess"))
                        .statusCode())
                .isEqualTo(401);
        for (int i = 3; i < policy.maxFailures(); i++) {
            assertThat(a.token("/api/v1/me", "drt_aaaaaaaaaaaa_guess" + i).statusCode())
                    .isEqualTo(401);
        }
        assertThat(b.basic("/api/v1/me", user).statusCode()).isEqualTo(200);
        assertThat(a.basic("/api/v1/me", user).statusCode())
                .as("one failure short of the limit: still allowed")
                .isEqualTo(200);
        assertThat(a.token("/api/v1/me", "drt_aaaaaaaaaaaa_last").statusCode())
                .as("the failure that reaches the limit is still answered")
                .isEqualTo(401);

        var refused = a.basic("/api/v1/me", user);
        assertThat(refused.statusCode())
                .as("the right password from that address")
                .isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValue(Long.toString(policy.block().toSeconds()));
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(refused.body()).contains("Too many failed sign-ins");
        assertThat(a.token("/api/v1/me", "drt_aaaaaaaaaaaa_more").statusCode()).isEqualTo(429);
        assertThat(a.send("/actuator/health", null).statusCode())
                .as("not a sign-in")
                .isEqualTo(200);

        var page = TestUsers.loginPage(port);
        var form = a.signInForm(page, user);
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location"))
                .as("the login page's usual error")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(TestUsers.getWithSession(port, "/train", page.cookie()).statusCode())
                .as("not signed in")
                .isEqualTo(302);

        assertThat(b.basic("/api/v1/me", user).statusCode())
                .as("another address is not affected")
                .isEqualTo(200);
        TestUsers.as("admin", AppRoles.ADMIN, () -> {
            assertThat(audit.page(List.of(AuditAction.SIGN_IN_THROTTLED), 0, 100))
                    .filteredOn(e -> "127.0.0.2".equals(e.getSubject()))
                    .as("one audit entry for the address, none per attempt")
                    .hasSize(1);
            return null;
        });

        clock.advance(policy.block());
        assertThat(a.basic("/api/v1/me", user).statusCode())
                .as("allowed again after the refusal period")
                .isEqualTo(200);
    }

    @Test
    void many_addresses_cannot_grow_the_table_past_its_bound() {
        var throttle = new AddressThrottle(policy, audit, clock);
        for (int i = 0; i < AddressThrottle.MAX_ADDRESSES + 500; i++) {
            throttle.failed("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(throttle.size()).isEqualTo(AddressThrottle.MAX_ADDRESSES);
    }

    /** HTTP/1.1 from one loopback address. */
    private final class Client {

        private final HttpClient http;

        Client(String localAddress) throws Exception {
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .localAddress(InetAddress.getByName(localAddress))
                    .build();
        }

        HttpResponse<String> basic(String path, TestUsers.Credentials who) throws Exception {
            return send(
                    path,
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8)));
        }

        HttpResponse<String> token(String path, String token) throws Exception {
            return send(path, "Bearer " + token);
        }

        HttpResponse<String> send(String path, String authorization) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The login form's POST with the right password and a valid CSRF token, from this address. */
        HttpResponse<String> signInForm(TestUsers.LoginPage page, TestUsers.Credentials who) throws Exception {
            var form = "username=" + who.username() + "&password="
                    + URLEncoder.encode(who.password(), StandardCharsets.UTF_8) + "&" + page.csrfParameter() + "="
                    + URLEncoder.encode(page.csrfToken(), StandardCharsets.UTF_8);
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Cookie", page.cookie())
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
