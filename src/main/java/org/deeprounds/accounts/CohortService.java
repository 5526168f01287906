package org.deeprounds.accounts;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cohorts: administrators form them; instructors and trainees see the ones they belong to. */
@Service
@Transactional
public class CohortService {

    private final CohortRepository cohorts;
    private final UserAccountRepository users;
    private final AuditLog audit;
    private final Clock clock;

    CohortService(CohortRepository cohorts, UserAccountRepository users, AuditLog audit, Clock clock) {
        this.cohorts = cohorts;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every cohort, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize(AccountService.ADMIN_ONLY)
    public List<CohortSummary> list() {
        return cohorts.findAllByOrderByName().stream().map(CohortSummary::of).toList();
    }

    /** The cohorts the signed-in user teaches. */
    @Transactional(readOnly = true)
    @PreAuthorize("#username == authentication.name")
    public List<CohortSummary> taughtBy(String username) {
        return cohorts.findByInstructor(username).stream()
                .map(CohortSummary::of)
                .toList();
    }

    /** The cohorts the signed-in user learns in. */
    @Transactional(readOnly = true)
    @PreAuthorize("#username == authentication.name")
    public List<CohortSummary> attendedBy(String username) {
        return cohorts.findByTrainee(username).stream().map(CohortSummary::of).toList();
    }

    /**
     * The e-mail addresses of a cohort's trainees, by username (those without one are left out), for its instructors'
     * grade exports; administrators may read any cohort's.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('" + AppRoles.INSTRUCTOR + "', '" + AppRoles.ADMIN + "')")
    public Map<String, String> traineeEmails(long cohortId) {
        var me = CurrentActor.name();
        boolean admin = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(AppRoles.authority(AppRoles.ADMIN)));
        var cohort = cohorts.findById(cohortId)
                .filter(c -> admin
                        || c.getInstructors().stream()
                                .anyMatch(i -> i.getUsername().equals(me)))
                .orElseThrow(() -> new NoSuchElementException("No cohort " + cohortId + " that you teach"));
        return cohort.getTrainees().stream()
                .filter(t -> t.getEmail() != null)
                .collect(Collectors.toMap(UserAccount::getUsername, UserAccount::getEmail));
    }

    /** Creates a cohort; the name must be new. */
    @PreAuthorize(AccountService.ADMIN_ONLY)
    public CohortSummary create(String name, String description) {
        var cleanName = requireName(name);
        if (cohorts.findByNameIgnoreCase(cleanName).isPresent()) {
            throw new IllegalArgumentException("Name: a cohort called '" + cleanName + "' already exists");
        }
        var cohort = cohorts.save(new Cohort(cleanName, AccountValidation.blankToNull(description), clock.instant()));
        audit.record(AuditAction.COHORT_CREATED, CurrentActor.name(), cleanName, null);
        return CohortSummary.of(cohort);
    }

    /** Renames a cohort and sets its members; instructors must hold the instructor role, trainees the trainee role. */
    @PreAuthorize(AccountService.ADMIN_ONLY)
    public CohortSummary update(
            Long id,
            String name,
            String description,
            Collection<String> instructorUsernames,
            Collection<String> traineeUsernames) {
        var cohort = cohorts.findById(id).orElseThrow(() -> new NoSuchElementException("No cohort with id " + id));
        var cleanName = requireName(name);
        cohorts.findByNameIgnoreCase(cleanName)
                .filter(other -> !other.getId().equals(id))
                .ifPresent(other -> {
                    throw new IllegalArgumentException("Name: a cohort called '" + cleanName + "' already exists");
                });
        var instructors = members(instructorUsernames, AppRoles.INSTRUCTOR, "Instructors");
        var trainees = members(traineeUsernames, AppRoles.TRAINEE, "Trainees");
        cohort.setName(cleanName);
        cohort.setDescription(AccountValidation.blankToNull(description));
        cohort.getInstructors().clear();
        cohort.getInstructors().addAll(instructors);
        cohort.getTrainees().clear();
        cohort.getTrainees().addAll(trainees);
        audit.record(
                AuditAction.COHORT_UPDATED,
                CurrentActor.name(),
                cleanName,
                instructors.size() + " instructor(s), " + trainees.size() + " trainee(s)");
        return CohortSummary.of(cohort);
    }

    /** Deletes a cohort; its members' accounts stay. */
    @PreAuthorize(AccountService.ADMIN_ONLY)
    public void delete(Long id) {
        var cohort = cohorts.findById(id).orElseThrow(() -> new NoSuchElementException("No cohort with id " + id));
        cohorts.delete(cohort);
        audit.record(AuditAction.COHORT_DELETED, CurrentActor.name(), cohort.getName(), null);
    }

    private Set<UserAccount> members(Collection<String> usernames, String role, String field) {
        return usernames.stream()
                .map(username -> users.findByUsername(username)
                        .filter(u -> u.getRoles().contains(role))
                        .orElseThrow(() ->
                                new IllegalArgumentException(field + ": '" + username + "' is not an account with the "
                                        + AppRoles.label(role).toLowerCase() + " role")))
                .collect(Collectors.toSet());
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Name: a cohort needs a name");
        }
        if (name.strip().length() > 120) {
            throw new IllegalArgumentException("Name: at most 120 characters");
        }
        return name.strip();
    }
}
