package org.deeprounds.accounts;

import java.util.List;
import org.deeprounds.base.security.AppRoles;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo accounts for trying DeepRounds out: one instructor and two trainees in one cohort. Created only when
 * {@code deeprounds.demo.enabled=true} (the README's run command); their passwords are shown on the login page, so
 * never enable this on a server with real trainees.
 */
@ConfigurationProperties("deeprounds.demo")
public record DemoAccounts(boolean enabled) {

    public static final String COHORT = "Demo cohort";

    /** A demo account and its published password. */
    public record DemoAccount(String username, String displayName, String role, String password) {}

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("instructor", "Dr. Ines Instructor", AppRoles.INSTRUCTOR, "Teach-Rounds-2026"),
            new DemoAccount("trainee1", "Tara Trainee", AppRoles.TRAINEE, "Learn-Rounds-2026a"),
            new DemoAccount("trainee2", "Theo Trainee", AppRoles.TRAINEE, "Learn-Rounds-2026b"));
}
