package org.deeprounds.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Predicate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds back a sign-in that must replace an issued password ({@link PasswordChange#REQUIRED}) from everything but the
 * password change: the API answers 403 with what to do; the pages outside Vaadin (DL4J's training UI, course files)
 * send the browser to the change-password page. Vaadin's own views are held by a navigation guard in the UI.
 */
final class PasswordChangeFilter extends OncePerRequestFilter {

    /** How a held-back request is answered. */
    @FunctionalInterface
    interface Answer {
        void send(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    private final Predicate<HttpServletRequest> held;
    private final Answer answer;

    PasswordChangeFilter(Predicate<HttpServletRequest> held, Answer answer) {
        this.held = held;
        this.answer = answer;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (held.test(request)
                && PasswordChange.required(SecurityContextHolder.getContext().getAuthentication())) {
            answer.send(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The API calls such a sign-in may still make: changing the password. */
    static boolean isPasswordChangeCall(HttpServletRequest request) {
        return "PUT".equals(request.getMethod()) && "/api/v1/me/password".equals(SecurityConfig.pathOf(request));
    }

    static void toChangePasswordPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/" + PasswordChange.ROUTE);
    }
}
