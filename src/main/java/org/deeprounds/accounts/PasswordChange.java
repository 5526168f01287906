package org.deeprounds.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Accounts whose password someone else issued (an administrator's reset, a new or imported account, a generated first
 * administrator) must choose their own before anything else. The sign-in grants them {@link #REQUIRED} beside their
 * roles; the browser is then held on the change-password page and the API answers 403, except to change the password.
 */
public final class PasswordChange {

    /** Granted beside the roles while the password must be replaced; it is not a role and grants nothing. */
    public static final String REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    /** Route of the page that holds such a user until the password is changed. */
    public static final String ROUTE = "change-password";

    /** The API's answer to such a user (403) for everything but the password change. */
    static final String API_REFUSAL = "Your password was issued by an administrator and must be replaced before you"
            + " use DeepRounds: sign in in the browser and choose a new password, or send"
            + " PUT /api/v1/me/password {\"currentPassword\": \"...\", \"newPassword\": \"...\"} with HTTP Basic.";

    static final GrantedAuthority AUTHORITY = new SimpleGrantedAuthority(REQUIRED);

    private PasswordChange() {}

    /** True when this sign-in must change its password before anything else. */
    public static boolean required(Authentication authentication) {
        return authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> REQUIRED.equals(a.getAuthority()));
    }

    /** True when the current request's sign-in must change its password before anything else. */
    public static boolean requiredNow() {
        return required(
                SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication());
    }

    /**
     * After the browser user changed the password: the session's sign-in no longer carries {@link #REQUIRED}, so
     * the rest of the app opens without signing in again.
     */
    public static void doneInSession(HttpServletRequest request, HttpServletResponse response) {
        var strategy = SecurityContextHolder.getContextHolderStrategy();
        var old = strategy.getContext().getAuthentication();
        if (!required(old)) {
            return;
        }
        var authorities = old.getAuthorities().stream()
                .filter(a -> !REQUIRED.equals(a.getAuthority()))
                .toList();
        var updated = UsernamePasswordAuthenticationToken.authenticated(old.getPrincipal(), null, authorities);
        updated.setDetails(old.getDetails());
        var context = strategy.createEmptyContext();
        context.setAuthentication(updated);
        strategy.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }
}
