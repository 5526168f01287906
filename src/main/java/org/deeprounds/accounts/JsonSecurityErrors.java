package org.deeprounds.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.deeprounds.base.api.ApiProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403 and 429 for {@code /api/**} as problem details in the API's one error shape ({@link ApiProblems}), never a
 * redirect to the login page.
 */
class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** The one answer to a failed sign-in, whatever the reason (also on the login page). */
    static final String SIGN_IN_FAILED = "Sign-in failed: the username or password is wrong, or the account cannot"
            + " sign in at the moment. Repeated failures lock an account for a while; an administrator can unlock it.";

    /** The one answer to a token that does not sign in, whatever the reason. */
    static final String TOKEN_REFUSED = "Sign-in failed: the API token is unknown, revoked or expired, or its account"
            + " cannot sign in at the moment. Create a new one under 'My account'.";

    static final String TOO_MANY_ATTEMPTS = "Too many failed sign-ins from your network address: sign-ins from it are"
            + " refused for a while. Try again after the time in the Retry-After header (seconds).";

    private final JsonMapper json;

    JsonSecurityErrors(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        // One answer for every failed sign-in: a wrong password, an unknown name, a locked or a disabled account
        // must look alike, or the answers tell which accounts exist.
        var detail = authException instanceof InsufficientAuthenticationException
                ? "Sign in first: send an API token (Authorization: Bearer ...), HTTP Basic credentials, or use a"
                        + " signed-in browser session."
                : SIGN_IN_FAILED;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"DeepRounds\"");
        write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    /** 401 for an API token that does not sign in. */
    void tokenRefused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"DeepRounds\", error=\"invalid_token\"");
        write(request, response, HttpStatus.UNAUTHORIZED, TOKEN_REFUSED);
    }

    /** 429 with Retry-After (whole seconds, rounded up) for an address the throttle holds back. */
    void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
            throws IOException {
        long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_ATTEMPTS);
    }

    /** 403 with a message that says what to do. */
    void forbidden(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        var detail = switch (denied) {
            case CsrfException csrf ->
                "A browser-session request needs the CSRF token; API clients should use an API token or"
                        + " HTTP Basic.";
            case PasswordSignInRequired needsPassword -> needsPassword.getMessage();
            default -> "Your role does not allow this request.";
        };
        write(request, response, HttpStatus.FORBIDDEN, detail);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        var problem = ApiProblems.problem(status, detail);
        problem.setProperty("path", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
