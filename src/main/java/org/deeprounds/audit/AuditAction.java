package org.deeprounds.audit;

/** What happened. Stored by name, so only ever add values. */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    LOGIN_REFUSED_LOCKED,
    LOCKOUT,
    UNLOCK,
    LOGOUT,
    USER_CREATED,
    USER_UPDATED,
    ROLES_CHANGED,
    USER_ENABLED,
    USER_DISABLED,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    COHORT_CREATED,
    COHORT_UPDATED,
    COHORT_DELETED,
    TRAINEES_IMPORTED,
    TRAINEE_IMPORT_REJECTED,
    ADMIN_BOOTSTRAPPED
}
