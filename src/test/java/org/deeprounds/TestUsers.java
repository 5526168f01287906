package org.deeprounds;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Credentials of the accounts every test context has, and a plain HTTP/1.1 client to call the app with them. */
public final class TestUsers {

    public static final Credentials ADMIN = new Credentials("admin", "Head-Of-Rounds-1");
    public static final Credentials INSTRUCTOR = new Credentials("instructor", "Teach-Rounds-2026");
    public static final Credentials TRAINEE = new Credentials("trainee1", "Learn-Rounds-2026a");

    /** HTTP/1.1 on purpose: Java's default HTTP/2 upgrade hides problems browsers would meet. */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private TestUsers() {}

    public record Credentials(String username, String password) {

        String basicHeader() {
            return "Basic "
                    + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** GET {@code path} on the running app, signed in with HTTP Basic when {@code who} is not null. */
    public static HttpResponse<String> get(int port, String path, Credentials who) {
        return send(port, "GET", path, who);
    }

    /** POST a JSON body, signed in with HTTP Basic. */
    public static HttpResponse<String> postJson(int port, String path, String json, Credentials who) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", who.basicHeader())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return execute(request);
    }

    /** PUT a JSON body, signed in with HTTP Basic. */
    public static HttpResponse<String> putJson(int port, String path, String json, Credentials who) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", who.basicHeader())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        return execute(request);
    }

    /** Any method, no body, signed in with HTTP Basic when {@code who} is not null. */
    public static HttpResponse<String> send(int port, String method, String path, Credentials who) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (who != null) {
            request.header("Authorization", who.basicHeader());
        }
        return execute(request);
    }

    /**
     * Signs in through the login form, as a browser does, and returns the session cookie ("JSESSIONID=..."): pages
     * outside {@code /api} take no HTTP Basic.
     */
    public static String formSession(int port, Credentials who) {
        var page = loginPage(port);
        var form = "username=" + who.username() + "&password=" + who.password() + "&" + page.csrfParameter() + "="
                + java.net.URLEncoder.encode(page.csrfToken(), StandardCharsets.UTF_8);
        var response = execute(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", page.cookie())
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        var cookie = response.headers()
                .firstValue("Set-Cookie")
                .orElseThrow(() -> new AssertionError(
                        "no session cookie after signing in as " + who.username() + ": " + response.statusCode()));
        if (!response.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new AssertionError("signing in as " + who.username() + " failed: "
                    + response.headers().map());
        }
        return cookie.substring(0, cookie.indexOf(';'));
    }

    /** The login page as a browser first gets it: its session cookie and the CSRF token Vaadin puts in meta tags. */
    public record LoginPage(String cookie, String csrfParameter, String csrfToken) {}

    /** Opens the login page (a new session) and reads the CSRF token the sign-in form must send. */
    public static LoginPage loginPage(int port) {
        var response = execute(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")));
        var cookie = response.headers()
                .firstValue("Set-Cookie")
                .orElseThrow(() -> new AssertionError("no session cookie from the login page"));
        return new LoginPage(
                cookie.substring(0, cookie.indexOf(';')),
                meta(response.body(), "_csrf_parameter"),
                meta(response.body(), "_csrf"));
    }

    private static String meta(String html, String name) {
        var matcher = java.util.regex.Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]*)\"")
                .matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("the login page has no meta tag " + name);
        }
        return matcher.group(1);
    }

    /** GET with a session cookie from {@link #formSession}, or none. */
    public static HttpResponse<String> getWithSession(int port, String path, String cookie) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return execute(request);
    }

    private static HttpResponse<String> execute(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates an account as an administrator does (with a temporary password), then has its owner replace that
     * password as at the first sign-in, so tests can sign in with the returned credentials straight away.
     */
    public static Credentials newAccount(
            org.deeprounds.accounts.AccountService accounts, String username, String role, boolean enabled) {
        var issued = as(
                "admin",
                org.deeprounds.base.security.AppRoles.ADMIN,
                () -> accounts.create(new org.deeprounds.accounts.AccountDraft(
                        username, "Test " + username, null, java.util.Set.of(role), enabled)));
        var own = "Own-" + issued.password();
        as(issued.username(), role, () -> {
            accounts.changeOwnPassword(issued.username(), issued.password(), own);
            return null;
        });
        return new Credentials(issued.username(), own);
    }

    /** GET {@code path} with {@code Authorization: Bearer <token>}. */
    public static HttpResponse<String> getWithToken(int port, String path, String token) {
        return execute(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token));
    }

    /** Runs {@code action} signed in as {@code user} with {@code role}, without HTTP (services called directly). */
    public static <T> T as(String user, String role, java.util.function.Supplier<T> action) {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                new org.springframework.security.authentication.TestingAuthenticationToken(user, null, "ROLE_" + role));
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }
}
