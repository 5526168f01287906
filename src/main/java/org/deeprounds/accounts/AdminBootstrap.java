package org.deeprounds.accounts;

import java.time.Clock;
import java.util.Set;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.node.OnServingNode;
import org.deeprounds.base.security.AppRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start: when no administrator exists, create {@code admin} with the password from
 * {@code DEEPROUNDS_ADMIN_PASSWORD} ({@code deeprounds.admin.password}), or with a generated one printed once to the
 * log. There is never a fixed default password.
 */
@Component
@Order(0)
@OnServingNode
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN_USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    /** @param password the first administrator's password; blank means "generate one" */
    @ConfigurationProperties("deeprounds.admin")
    record AdminProperties(String password) {}

    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AdminProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    AdminBootstrap(
            UserAccountRepository users,
            PasswordEncoder encoder,
            PasswordPolicy policy,
            AdminProperties properties,
            AuditLog audit,
            Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdministrator();
    }

    /** Creates the first administrator if there is none; returns true when it did. */
    @Transactional
    boolean ensureAdministrator() {
        if (users.countWithRole(AppRoles.ADMIN) > 0) {
            return false;
        }
        var configured = properties.password();
        boolean generated = configured == null || configured.isBlank();
        String password;
        if (generated) {
            password = PasswordGenerator.generate();
        } else {
            var problems = policy.problems(configured, ADMIN_USERNAME);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("DEEPROUNDS_ADMIN_PASSWORD (deeprounds.admin.password) is not"
                        + " accepted for the first administrator: " + String.join(" ", problems));
            }
            password = configured;
        }
        var account = users.findByUsername(ADMIN_USERNAME)
                .orElseGet(() -> new UserAccount(ADMIN_USERNAME, "Administrator", null, "", clock.instant()));
        if (generated) {
            // Printed to the log, where others may read it: a password to replace at the first sign-in.
            account.issuePassword(encoder.encode(password));
        } else {
            // Chosen by whoever configured the server (and scripts may rely on it): kept as it is.
            account.choosePassword(encoder.encode(password));
        }
        account.setRoles(Set.of(AppRoles.ADMIN));
        account.setEnabled(true);
        users.save(account);
        audit.record(
                AuditAction.ADMIN_BOOTSTRAPPED,
                AuditLog.SYSTEM,
                ADMIN_USERNAME,
                generated ? "generated password, printed once to the log" : "password from DEEPROUNDS_ADMIN_PASSWORD");
        if (generated) {
            log.warn(
                    "\n\n    No administrator existed, so one was created.\n    username: {}\n    password: {}\n"
                            + "    This password is shown only now. Sign in: you will be asked to choose your own.\n",
                    ADMIN_USERNAME,
                    password);
        } else {
            log.info("Created administrator '{}' with the password from DEEPROUNDS_ADMIN_PASSWORD", ADMIN_USERNAME);
        }
        return true;
    }
}
