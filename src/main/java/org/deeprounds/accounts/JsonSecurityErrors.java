package org.deeprounds.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 for {@code /api/**} as JSON problem details, never a redirect to the login page. */
class JsonSecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    /** The one answer to a failed sign-in, whatever the reason (also on the login page). */
    static final String SIGN_IN_FAILED = "Sign-in failed: the username or password is wrong, or the account cannot"
            + " sign in at the moment. Repeated failures lock an account for a while; an administrator can unlock it.";

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
                ? "Sign in first: send HTTP Basic credentials or use a signed-in browser session."
                : SIGN_IN_FAILED;
        response.setHeader("WWW-Authenticate", "Basic realm=\"DeepRounds\"");
        write(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                denied instanceof CsrfException
                        ? "A browser-session request needs the CSRF token; API clients should use HTTP Basic."
                        : "Your role does not allow this request.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("path", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
