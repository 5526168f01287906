package org.deeprounds.accounts;

import java.time.Clock;
import java.util.Set;
import org.deeprounds.base.node.OnServingNode;
import org.deeprounds.base.security.AppRoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates the {@link DemoAccounts} and their cohort when demo mode is on; leaves existing accounts alone. */
@Component
@Order(1)
@OnServingNode
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoAccounts demo;
    private final UserAccountRepository users;
    private final CohortRepository cohorts;
    private final PasswordEncoder encoder;
    private final Clock clock;

    DemoData(
            DemoAccounts demo,
            UserAccountRepository users,
            CohortRepository cohorts,
            PasswordEncoder encoder,
            Clock clock) {
        this.demo = demo;
        this.users = users;
        this.cohorts = cohorts;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        var cohort = cohorts.findByNameIgnoreCase(DemoAccounts.COHORT)
                .orElseGet(() -> cohorts.save(new Cohort(
                        DemoAccounts.COHORT, "Demo trainees and their instructor (demo mode)", clock.instant())));
        for (var account : DemoAccounts.ACCOUNTS) {
            var user = users.findByUsername(account.username()).orElseGet(() -> {
                var created = new UserAccount(
                        account.username(),
                        account.displayName(),
                        account.username() + "@demo.invalid",
                        encoder.encode(account.password()),
                        clock.instant());
                created.setRoles(Set.of(account.role()));
                log.info("Demo mode: created {} '{}'", AppRoles.label(account.role()), account.username());
                return users.save(created);
            });
            var members = account.role().equals(AppRoles.INSTRUCTOR) ? cohort.getInstructors() : cohort.getTrainees();
            members.add(user);
        }
    }
}
