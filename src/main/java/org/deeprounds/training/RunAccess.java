package org.deeprounds.training;

import java.util.NoSuchElementException;
import org.deeprounds.base.security.AppRoles;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may see which runs, in one place: a trainee their own; an instructor their own and those of the trainees of the
 * cohorts they teach; an administrator all. Another user's run is "not found", never "forbidden", so its existence does
 * not leak. The database answers the rule in the same query as the runs ({@link TrainingRunRepository}).
 */
@Component
class RunAccess {

    private final TrainingRunRepository runs;

    RunAccess(TrainingRunRepository runs) {
        this.runs = runs;
    }

    /** The run, if the signed-in user may see it. */
    TrainingRun visible(long id) {
        var name = caller();
        return runs.findById(id)
                .filter(r -> isAdmin()
                        || r.getOwner().equals(name)
                        || (isInstructor() && runs.isVisibleToInstructor(id, name)))
                .orElseThrow(() -> new NoSuchElementException("No run with id " + id));
    }

    /** Whether the signed-in user may see runs of {@code owner}: the rule of {@link #visible}, for runs found otherwise. */
    boolean maySeeRunsOf(String owner) {
        var name = caller();
        return isAdmin() || owner.equals(name) || (isInstructor() && runs.isTraineeTaughtBy(owner, name));
    }

    /** One page of the runs the signed-in user may see. */
    Page<TrainingRun> page(Pageable request) {
        var name = caller();
        return isAdmin()
                ? runs.findAll(request)
                : isInstructor() ? runs.findVisibleToInstructor(name, request) : runs.findByOwner(name, request);
    }

    /** How many runs the signed-in user may see. */
    long count() {
        var name = caller();
        return isAdmin()
                ? runs.count()
                : isInstructor() ? runs.countVisibleToInstructor(name) : runs.countByOwner(name);
    }

    String caller() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    boolean isAdmin() {
        return hasRole(AppRoles.ADMIN);
    }

    private boolean isInstructor() {
        return hasRole(AppRoles.INSTRUCTOR);
    }

    private static boolean hasRole(String role) {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(AppRoles.authority(role)));
    }
}
