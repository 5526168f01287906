package org.deeprounds.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses sign-in attempts from an address the {@link AddressThrottle} holds back, before any password is checked.
 * Used in both filter chains: the API (every call with credentials) and the login form (its POST).
 */
final class AddressThrottleFilter extends OncePerRequestFilter {

    /** How a refused attempt is answered (429 JSON for the API, the login page's usual error for the form). */
    @FunctionalInterface
    interface Refusal {
        void refuse(HttpServletRequest request, HttpServletResponse response, Duration retryAfter) throws IOException;
    }

    private final AddressThrottle throttle;
    private final Predicate<HttpServletRequest> isAttempt;
    private final Refusal refusal;

    AddressThrottleFilter(AddressThrottle throttle, Predicate<HttpServletRequest> isAttempt, Refusal refusal) {
        this.throttle = throttle;
        this.isAttempt = isAttempt;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAttempt.test(request)) {
            var refused = throttle.refusedFor(request.getRemoteAddr());
            if (refused.isPresent()) {
                refusal.refuse(request, response, refused.get());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** An API call that carries credentials (HTTP Basic or an API token). */
    static boolean isApiAttempt(HttpServletRequest request) {
        return HeaderCredentialsContextRepository.carriesCredentials(request);
    }

    /** The login form's POST. */
    static boolean isFormAttempt(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/login".equals(SecurityConfig.pathOf(request));
    }

    /** The login page's answer to any failed sign-in, so a refused address learns no more than a wrong password. */
    static void backToLoginPage(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
            throws IOException {
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
