package org.deeprounds.accounts;

import org.deeprounds.audit.AuditLog;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in username for audit entries, or "system" outside a request. */
final class CurrentActor {

    private CurrentActor() {}

    static String name() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? AuditLog.SYSTEM : authentication.getName();
    }
}
