package org.deeprounds.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * The API's security context: a call with HTTP Basic credentials or a DeepRounds API token is authenticated by them
 * alone, never by a session cookie sent beside them, so the call that skips the CSRF check is exactly the call that
 * proved its credentials. (With the session loaded, Spring's Basic filter skips the password check when the session
 * already belongs to the same user.) Such calls never create a session either.
 */
final class HeaderCredentialsContextRepository implements SecurityContextRepository {

    private final SecurityContextRepository session = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final SecurityContextRepository requestOnly = new RequestAttributeSecurityContextRepository();

    /** True when the request carries HTTP Basic credentials. */
    static boolean isBasic(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /** True when the request carries HTTP Basic credentials or a DeepRounds API token ({@code Bearer drt_...}). */
    static boolean carriesCredentials(HttpServletRequest request) {
        return isBasic(request) || ApiTokenSecrets.isTokenHeader(request.getHeader("Authorization"));
    }

    /**
     * Which API calls need the CSRF token: state-changing calls that send a session cookie, unless they carry HTTP
     * Basic credentials or an API token (authenticated by those alone, or refused). A session cookie with any other
     * Authorization header (e.g. {@code Bearer x}) is still a cookie call. Calls without a cookie cannot ride on a
     * session: they are answered 401 unless they authenticate.
     */
    static boolean needsCsrfToken(HttpServletRequest request) {
        return CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                && request.getRequestedSessionId() != null
                && !carriesCredentials(request);
    }

    private SecurityContextRepository delegate(HttpServletRequest request) {
        return carriesCredentials(request) ? requestOnly : session;
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(
            org.springframework.security.web.context.HttpRequestResponseHolder requestResponseHolder) {
        var context = loadDeferredContext(requestResponseHolder.getRequest()).get();
        return context == null ? SecurityContextHolder.createEmptyContext() : context;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return delegate(request).loadDeferredContext(request);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        delegate(request).saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return delegate(request).containsContext(request);
    }
}
