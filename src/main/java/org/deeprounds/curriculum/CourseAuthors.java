package org.deeprounds.curriculum;

import java.time.Clock;
import java.util.List;
import org.deeprounds.accounts.InstructorDirectory;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may change a course: its authors and administrators. The instructor who creates or first uploads a course is
 * its author, and an author (or an administrator) adds co-authors. A course without authors (shipped with DeepRounds,
 * or older than authorship) is changed by administrators only; they can give it authors.
 */
@Service
public class CourseAuthors {

    private final CourseAuthorRepository authors;
    private final InstructorDirectory instructors;
    private final AuditLog audit;
    private final Clock clock;

    CourseAuthors(CourseAuthorRepository authors, InstructorDirectory instructors, AuditLog audit, Clock clock) {
        this.authors = authors;
        this.instructors = instructors;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A course's authors and whether the signed-in user may change it.
     *
     * @param authors in the order they were added (an author who is no longer an instructor shows by username)
     */
    public record Authorship(String course, List<InstructorDirectory.Instructor> authors, boolean youMayChange) {}

    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public Authorship of(String course) {
        var names = usernames(course);
        var known = instructors.instructors();
        var shown = names.stream()
                .map(n -> known.stream()
                        .filter(i -> i.username().equals(n))
                        .findFirst()
                        .orElse(new InstructorDirectory.Instructor(n, n)))
                .toList();
        return new Authorship(course, shown, isAdmin() || names.contains(me()));
    }

    /** Refuses, naming who may change the course, unless the signed-in user is one of its authors or an admin. */
    @Transactional(readOnly = true)
    public void checkMayChange(String course) {
        if (isAdmin()) {
            return;
        }
        var names = usernames(course);
        if (names.contains(me())) {
            return;
        }
        throw new CourseChangeRefusedException(
                names.isEmpty()
                        ? "Course '" + course
                                + "' has no recorded author (it came with DeepRounds or was written before"
                                + " authors were recorded), so only administrators can change it or add authors."
                        : "Only the authors of course '" + course + "' (" + String.join(", ", names)
                                + ") and administrators can change it. Ask an author to add you as a co-author.");
    }

    /**
     * The signed-in user becomes the only author of a course just created under {@code course}: rows left by an earlier
     * course of that id (removed from the folder since) no longer count.
     */
    @Transactional
    void startedBy(String course) {
        authors.deleteByCourse(course);
        authors.flush();
        authors.save(new CourseAuthor(course, me(), me(), clock.instant()));
    }

    /** Adds an instructor as a co-author (authors and administrators). */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional
    public Authorship add(String course, String username) {
        checkMayChange(course);
        var name = username == null ? "" : username.strip();
        if (instructors.instructors().stream().noneMatch(i -> i.username().equals(name))) {
            throw new IllegalArgumentException("'" + name + "' is not an instructor's username; only instructors can"
                    + " be authors of a course.");
        }
        if (!usernames(course).contains(name)) {
            authors.save(new CourseAuthor(course, name, me(), clock.instant()));
            audit.record(AuditAction.COURSE_AUTHOR_ADDED, me(), course, name);
        }
        return of(course);
    }

    /** Removes a co-author (authors and administrators); a course keeps at least one author. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional
    public Authorship remove(String course, String username) {
        checkMayChange(course);
        var names = usernames(course);
        if (!names.contains(username)) {
            throw new java.util.NoSuchElementException(username + " is not an author of course '" + course + "'");
        }
        if (names.size() == 1) {
            throw new IllegalArgumentException(
                    username + " is the only author of course '" + course + "'; add another author first.");
        }
        authors.deleteById(new CourseAuthor.Key(course, username));
        audit.record(AuditAction.COURSE_AUTHOR_REMOVED, me(), course, username);
        return of(course);
    }

    private List<String> usernames(String course) {
        return authors.findByCourse(course).stream().map(CourseAuthor::username).toList();
    }

    private static String me() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    private static boolean isAdmin() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(AppRoles.authority(AppRoles.ADMIN)));
    }
}
