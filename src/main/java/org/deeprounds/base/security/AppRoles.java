package org.deeprounds.base.security;

import java.util.List;

/** The three roles of DeepRounds, in one place. Use these constants in {@code @RolesAllowed} and checks. */
public final class AppRoles {

    /** A learner: medical student, resident or practising clinician. */
    public static final String TRAINEE = "TRAINEE";
    /** Authors courses, runs cohorts and reads their trainees' progress. */
    public static final String INSTRUCTOR = "INSTRUCTOR";
    /** Manages accounts, cohorts and the server. */
    public static final String ADMIN = "ADMIN";

    /** Every role, in the order they are shown. */
    public static final List<String> ALL = List.of(TRAINEE, INSTRUCTOR, ADMIN);

    private AppRoles() {}

    /** The Spring Security authority for a role, e.g. {@code ROLE_ADMIN}. */
    public static String authority(String role) {
        return "ROLE_" + role;
    }

    /** A role's name as people read it. */
    public static String label(String role) {
        return switch (role) {
            case TRAINEE -> "Trainee";
            case INSTRUCTOR -> "Instructor";
            case ADMIN -> "Administrator";
            default -> role;
        };
    }
}
