package org.deeprounds.curriculum;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.deeprounds.accounts.CohortService;
import org.deeprounds.accounts.CohortSummary;
import org.deeprounds.base.security.AppRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses for cohorts: instructors assign courses to the cohorts they teach (administrators to any), trainees see
 * what is assigned to them, and instructors read their cohorts' progress, reflections and model cards.
 */
@Service
public class TeachingService {

    private final CurriculumLibrary library;
    private final CohortCourseRepository assignments;
    private final LessonProgressRepository progress;
    private final StepProgressRepository steps;
    private final CohortService cohorts;
    private final Clock clock;

    TeachingService(
            CurriculumLibrary library,
            CohortCourseRepository assignments,
            LessonProgressRepository progress,
            StepProgressRepository steps,
            CohortService cohorts,
            Clock clock) {
        this.library = library;
        this.assignments = assignments;
        this.progress = progress;
        this.steps = steps;
        this.cohorts = cohorts;
        this.clock = clock;
    }

    /** A course assigned to a cohort. */
    public record Assignment(long cohortId, String cohortName, Course course, LocalDate due) {}

    /** One cell of the progress grid. */
    public enum Status {
        NOT_STARTED,
        IN_PROGRESS,
        PASSED
    }

    /** A trainee's work on one lesson (their latest version of it). */
    public record Cell(
            String lessonId,
            Status status,
            int stepsPassed,
            int steps,
            long secondsSpent,
            String best,
            boolean edited,
            java.time.Instant passedAt) {}

    /** One trainee's row for one course. */
    public record Row(String username, String displayName, List<Cell> cells) {}

    /** A reflection or deliverable to read, with the instructor's comment. */
    public record Submission(
            long stepProgressId,
            String username,
            String lessonTitle,
            String stepTitle,
            String kind,
            String text,
            String comment,
            java.time.Instant at) {}

    /** The cohorts the user may teach: theirs, or all for administrators. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<CohortSummary> myCohorts() {
        return isAdmin() ? cohorts.list() : cohorts.taughtBy(me());
    }

    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional
    public void assign(long cohortId, String courseId, LocalDate due) {
        cohort(cohortId);
        library.course(courseId);
        var key = new CohortCourse.Key(cohortId, courseId);
        var existing = assignments.findById(key);
        if (existing.isPresent()) {
            existing.get().dueDate(due);
        } else {
            assignments.save(new CohortCourse(cohortId, courseId, due, clock.instant()));
        }
    }

    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional
    public void unassign(long cohortId, String courseId) {
        cohort(cohortId);
        assignments.deleteById(new CohortCourse.Key(cohortId, courseId));
    }

    /** What a cohort the user teaches has been assigned. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<Assignment> assignments(long cohortId) {
        var cohort = cohort(cohortId);
        return assignments.findByKeyCohortId(cohortId).stream()
                .flatMap(a -> library.find(a.courseId()).stream()
                        .map(course -> new Assignment(cohortId, cohort.name(), course, a.dueDate())))
                .toList();
    }

    /** The courses assigned to the signed-in trainee through their cohorts, soonest due first. */
    @PreAuthorize("isAuthenticated()")
    public List<Assignment> assignedToMe() {
        var mine = cohorts.attendedBy(me());
        var names = new LinkedHashMap<Long, String>();
        mine.forEach(c -> names.put(c.id(), c.name()));
        return assignments.findByKeyCohortIdIn(List.copyOf(names.keySet())).stream()
                .flatMap(a -> library.find(a.courseId()).stream()
                        .map(course -> new Assignment(a.cohortId(), names.get(a.cohortId()), course, a.dueDate())))
                .sorted(Comparator.comparing(Assignment::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** The signed-in user's own progress on a course, one cell per lesson. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Cell> myProgress(String courseId) {
        return row(library.course(courseId), me(), me()).cells();
    }

    /** Trainees x lessons of one course for a cohort the user teaches. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<Row> grid(long cohortId, String courseId) {
        var cohort = cohort(cohortId);
        var course = library.course(courseId);
        return cohort.trainees().stream()
                .map(t -> row(course, t.username(), t.displayName()))
                .toList();
    }

    /** Reflections and model cards of a cohort's trainees for a course, newest first. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<Submission> submissions(long cohortId, String courseId) {
        var cohort = cohort(cohortId);
        var course = library.course(courseId);
        var usernames =
                cohort.trainees().stream().map(CohortSummary.Member::username).toList();
        var out = new ArrayList<Submission>();
        for (var p : progress.findByUsernameInAndCourseId(usernames, courseId)) {
            var lesson = course.lessons().stream()
                    .filter(l -> l.id().equals(p.lessonId()))
                    .findFirst();
            for (var s : p.steps()) {
                if (s.answer() == null || lesson.isEmpty()) {
                    continue;
                }
                var step = lesson.get().steps().stream()
                        .filter(x -> x.id().equals(s.stepId()))
                        .findFirst();
                if (step.isEmpty()
                        || (step.get().kind() != StepKind.REFLECT && step.get().kind() != StepKind.EVALUATE)) {
                    continue;
                }
                out.add(new Submission(
                        s.id(),
                        p.username(),
                        lesson.get().title(),
                        step.get().title(),
                        step.get().kind() == StepKind.REFLECT ? "reflection" : "model card",
                        s.answer(),
                        s.comment(),
                        s.updatedAt()));
            }
        }
        out.sort(Comparator.comparing(Submission::at).reversed());
        return out;
    }

    /** Comments on a trainee's reflection or deliverable in a cohort the user teaches. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional
    public void comment(long cohortId, long stepProgressId, String comment) {
        var cohort = cohort(cohortId);
        if (comment != null && comment.length() > 4000) {
            throw new IllegalArgumentException("A comment holds at most 4,000 characters");
        }
        var usernames =
                cohort.trainees().stream().map(CohortSummary.Member::username).toList();
        var p = steps.findById(stepProgressId)
                .filter(step -> usernames.contains(step.lesson().username()))
                .orElseThrow(() -> new NoSuchElementException("No submission " + stepProgressId + " in this cohort"));
        p.comment(comment == null || comment.isBlank() ? null : comment.strip(), me(), clock.instant());
    }

    /** The cohort's grades as CSV for a school's LMS: one row per trainee and lesson of every assigned course. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public String csv(long cohortId) {
        var cohort = cohort(cohortId);
        var out = new StringBuilder(
                "username,name,course,lesson,status,steps_passed,steps,minutes_spent,passed_at,best_result,edited_since\r\n");
        for (var assignment : assignments(cohortId)) {
            var course = assignment.course();
            for (var row : grid(cohortId, course.id())) {
                for (var cell : row.cells()) {
                    out.append(String.join(
                                    ",",
                                    csvField(row.username()),
                                    csvField(row.displayName()),
                                    csvField(course.id()),
                                    csvField(cell.lessonId()),
                                    cell.status().name().toLowerCase(Locale.ROOT),
                                    Integer.toString(cell.stepsPassed()),
                                    Integer.toString(cell.steps()),
                                    Long.toString(Math.round(cell.secondsSpent() / 60.0)),
                                    cell.passedAt() == null
                                            ? ""
                                            : cell.passedAt().toString(),
                                    csvField(cell.best() == null ? "" : cell.best()),
                                    Boolean.toString(cell.edited())))
                            .append("\r\n");
                }
            }
        }
        return out.toString();
    }

    /** Quotes a field when needed, and defuses spreadsheet formulas (a leading =, +, - or @). */
    static String csvField(String value) {
        var v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private Row row(Course course, String username, String displayName) {
        var mine = progress.findByUsernameAndCourseIdOrderByStartedAtAsc(username, course.id());
        var cells = new ArrayList<Cell>();
        for (var lesson : course.lessons()) {
            var versions =
                    mine.stream().filter(p -> p.lessonId().equals(lesson.id())).toList();
            var current = versions.stream()
                    .filter(p -> p.lessonChecksum().equals(lesson.checksum()))
                    .findFirst()
                    .orElse(versions.isEmpty() ? null : versions.getLast());
            if (current == null) {
                cells.add(new Cell(
                        lesson.id(), Status.NOT_STARTED, 0, lesson.steps().size(), 0, null, false, null));
                continue;
            }
            // Passed on any version counts: an instructor's later edit does not take a pass away.
            var passedVersion =
                    versions.stream().filter(p -> p.passedAt() != null).findFirst();
            var shown = passedVersion.orElse(current);
            int passed =
                    (int) shown.steps().stream().filter(StepProgress::passed).count();
            long seconds =
                    versions.stream().mapToLong(LessonProgress::secondsSpent).sum();
            var best = shown.steps().stream()
                    .filter(s -> s.measured() != null && s.runId() != null)
                    .map(s -> s.stepId() + ": " + s.measured())
                    .reduce((a, b) -> a + "; " + b)
                    .orElse(null);
            cells.add(new Cell(
                    lesson.id(),
                    passedVersion.isPresent() ? Status.PASSED : Status.IN_PROGRESS,
                    passed,
                    lesson.steps().size(),
                    seconds,
                    best,
                    !shown.lessonChecksum().equals(lesson.checksum()),
                    shown.passedAt()));
        }
        return new Row(username, displayName, cells);
    }

    private CohortSummary cohort(long cohortId) {
        var cohort = (isAdmin() ? cohorts.list() : cohorts.taughtBy(me()))
                .stream().filter(c -> c.id() == cohortId).findFirst();
        if (cohort.isPresent()) {
            return cohort.get();
        }
        // Not taught and not there read the same: a trainee's cohorts are not for other instructors to probe.
        throw new NoSuchElementException("No cohort " + cohortId + " that you teach");
    }

    private static String me() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    private static boolean isAdmin() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(AppRoles.authority(AppRoles.ADMIN)));
    }
}
