package org.deeprounds.accounts;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Feeds Spring Security's sign-in events (form and HTTP Basic alike) to the lockout counter, the per-address
 * throttle and the audit log.
 */
@Component
class AuthenticationEvents {

    private final LoginLockout lockout;
    private final AddressThrottle throttle;

    AuthenticationEvents(LoginLockout lockout, AddressThrottle throttle) {
        this.lockout = lockout;
        this.throttle = throttle;
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            throttle.failed(details.getRemoteAddress());
        }
        var username = String.valueOf(event.getAuthentication().getName());
        switch (event) {
            case AuthenticationFailureLockedEvent locked -> lockout.refusedWhileLocked(username);
            case AuthenticationFailureBadCredentialsEvent bad -> lockout.failed(username, "wrong username or password");
            default -> lockout.failed(username, event.getException().getMessage());
        }
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        lockout.succeeded(event.getAuthentication().getName());
    }

    @EventListener
    void onInteractiveSuccess(InteractiveAuthenticationSuccessEvent event) {
        lockout.signedIn(event.getAuthentication().getName());
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        lockout.signedOut(event.getAuthentication().getName());
    }
}
