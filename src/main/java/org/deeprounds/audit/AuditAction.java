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
    ADMIN_BOOTSTRAPPED,
    DATASET_IMPORTED,
    DATASET_IMPORT_REJECTED,
    DATASET_DELETED,
    /** A completed run was scored on its dataset's test split (once per run). */
    TEST_SPLIT_SCORED,
    /** Subject: the run; detail: the threshold and the split it was chosen on. */
    THRESHOLD_LOCKED,
    /** A user created a personal API token (the secret is never recorded). */
    API_TOKEN_CREATED,
    /** A user revoked one of their API tokens. */
    API_TOKEN_REVOKED,
    /** Too many failed sign-ins from one network address: further attempts from it are refused for a while. */
    SIGN_IN_THROTTLED,
    /** Subject: the course id; detail: its title. */
    COURSE_CREATED,
    /** Subject: the course id; detail: whether it was new or replaced an existing one. */
    COURSE_UPLOADED,
    /** Subject: the course id; detail: the file saved or the lesson added. */
    COURSE_EDITED,
    /** Subject: the course id; detail: the co-author's username. */
    COURSE_AUTHOR_ADDED,
    COURSE_AUTHOR_REMOVED,
    /** Subject: the course id; detail: the cohort and due date. */
    COURSE_ASSIGNED,
    COURSE_UNASSIGNED,
    /** Subject: the trainee; detail: where the instructor commented (course, lesson, step, cohort). */
    SUBMISSION_COMMENTED
}
