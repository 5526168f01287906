package org.deeprounds.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs API calls in with {@code Authorization: Bearer drt_...}: the token's owner with the owner's roles, for this
 * request only (no session is created or read). A wrong, revoked or expired token is a 401 like any failed sign-in
 * and counts as a failure of the caller's address. Other Authorization headers are left to the other sign-ins.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final AddressThrottle throttle;
    private final JsonSecurityErrors errors;
    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    ApiTokenFilter(ApiTokenService tokens, AddressThrottle throttle, JsonSecurityErrors errors) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        if (!ApiTokenSecrets.isTokenHeader(header)) {
            chain.doFilter(request, response);
            return;
        }
        var signedIn = tokens.authenticate(ApiTokenSecrets.fromHeader(header), details.buildDetails(request));
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        if (signedIn.isEmpty()) {
            strategy.clearContext();
            throttle.failed(request.getRemoteAddr());
            errors.tokenRefused(request, response);
            return;
        }
        var context = strategy.createEmptyContext();
        context.setAuthentication(signedIn.get());
        strategy.setContext(context);
        chain.doFilter(request, response);
    }
}
