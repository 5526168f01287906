package org.deeprounds.curriculum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deeprounds.accounts.CohortService;
import org.deeprounds.accounts.CohortSummary;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.deeprounds.base.security.AppRoles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses for cohorts: instructors assign courses to the cohorts they teach (administrators to any), trainees see
 * what is assigned to them, and instructors read their cohorts' progress, reflections and model cards. Assignments
 * and comments are recorded in the audit log.
 */
@Service
public class TeachingService {

    private final CurriculumLibrary library;
    private final CohortCourseRepository assignments;
    private final LessonProgressRepository progress;
    private final StepProgressRepository steps;
    private final CohortService cohorts;
    private final AuditLog audit;
    private final Clock clock;

    TeachingService(
            CurriculumLibrary library,
            CohortCourseRepository assignments,
            LessonProgressRepository progress,
            StepProgressRepository steps,
            CohortService cohorts,
            AuditLog audit,
            Clock clock) {
        this.library = library;
        this.assignments = assignments;
        this.progress = progress;
        this.steps = steps;
        this.cohorts = cohorts;
        this.audit = audit;
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

    /**
     * A trainee's work on one lesson (their latest version of it).
     *
     * @param quizAttempts answers given to the lesson's quiz (the one tried most often, if it has several)
     * @param quizAttemptsAllowed that quiz's limit, or {@link Step#UNLIMITED}
     * @param quizFirstScore the fraction of quiz questions right at the first attempt, or null before one
     * @param bestMetric the best value of the lesson's model measure ({@link #metricStep}) over the trainee's checked
     *     runs, or null
     * @param late passed after the due date, or not passed and the due date is past; null without a due date
     */
    public record Cell(
            String lessonId,
            Status status,
            int stepsPassed,
            int steps,
            long secondsSpent,
            String best,
            boolean edited,
            java.time.Instant passedAt,
            int quizAttempts,
            int quizAttemptsAllowed,
            Double quizFirstScore,
            Double bestMetric,
            Boolean late,
            Double rubricScore,
            ReaderPoint reader) {}

    /**
     * A trainee's reader study in a lesson: their sensitivity and specificity without and with the model, and the
     * model's on the same cases; null where the lesson has none or it is not finished.
     */
    public record ReaderPoint(
            Double sensitivity,
            Double specificity,
            Double assistedSensitivity,
            Double assistedSpecificity,
            Double modelSensitivity,
            Double modelSpecificity) {

        static ReaderPoint of(java.util.Map<String, String> figures) {
            if (!figures.containsKey("assistedSensitivity")) {
                return null;
            }
            return new ReaderPoint(
                    number(figures.get("sensitivity")),
                    number(figures.get("specificity")),
                    number(figures.get("assistedSensitivity")),
                    number(figures.get("assistedSpecificity")),
                    number(figures.get("modelSensitivity")),
                    number(figures.get("modelSpecificity")));
        }

        private static Double number(String text) {
            return text == null || text.equals("null") ? null : Double.valueOf(text);
        }
    }

    /** One trainee's row for one course. */
    public record Row(String username, String displayName, List<Cell> cells) {}

    /** A reflection or deliverable to read, with the instructor's comment and who wrote it. */
    public record Submission(
            long stepProgressId,
            String username,
            String lessonTitle,
            String stepTitle,
            String kind,
            String text,
            String comment,
            String commentedBy,
            java.time.Instant at,
            List<String> rubric,
            List<Boolean> rubricMarks,
            String rubricScoredBy) {}

    /**
     * A course as the Teaching page lists it for a cohort: assigned (with its due date, if any), or not assigned but
     * worked in by some of the cohort's trainees (on their own, or before it was unassigned).
     *
     * @param traineesWorking how many of the cohort's trainees have started at least one of its lessons
     */
    public record CohortCourseEntry(Course course, boolean assigned, LocalDate due, int traineesWorking) {}

    /** The cohorts the user may teach: theirs, or all for administrators. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<CohortSummary> myCohorts() {
        return isAdmin() ? cohorts.list() : cohorts.taughtBy(me());
    }

    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional
    public void assign(long cohortId, String courseId, LocalDate due) {
        var cohort = cohort(cohortId);
        library.course(courseId);
        var key = new CohortCourse.Key(cohortId, courseId);
        var existing = assignments.findById(key);
        var dueText = due == null ? "no due date" : "due " + due;
        if (existing.isPresent()) {
            if (java.util.Objects.equals(existing.get().dueDate(), due)) {
                return;
            }
            existing.get().dueDate(due);
            audit.record(
                    AuditAction.COURSE_ASSIGNED, me(), courseId, describe(cohort) + ": due date changed to " + dueText);
        } else {
            assignments.save(new CohortCourse(cohortId, courseId, due, clock.instant()));
            audit.record(AuditAction.COURSE_ASSIGNED, me(), courseId, describe(cohort) + ", " + dueText);
        }
    }

    private static String describe(CohortSummary cohort) {
        return "cohort '" + cohort.name() + "' (" + cohort.id() + ")";
    }

    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional
    public void unassign(long cohortId, String courseId) {
        var cohort = cohort(cohortId);
        var key = new CohortCourse.Key(cohortId, courseId);
        if (assignments.existsById(key)) {
            assignments.deleteById(key);
            audit.record(AuditAction.COURSE_UNASSIGNED, me(), courseId, describe(cohort));
        }
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
        return row(library.course(courseId), me(), me(), null).cells();
    }

    /** Trainees x lessons of one course for a cohort the user teaches. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<Row> grid(long cohortId, String courseId) {
        var cohort = cohort(cohortId);
        var course = library.course(courseId);
        var due = assignments
                .findById(new CohortCourse.Key(cohortId, courseId))
                .map(CohortCourse::dueDate)
                .orElse(null);
        return cohort.trainees().stream()
                .map(t -> row(course, t.username(), t.displayName(), due))
                .toList();
    }

    /**
     * Every course a cohort the user teaches is assigned, then every other course its trainees have worked in (an
     * instructor must see that work too, assigned or not), each with how many of its trainees have started it.
     */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<CohortCourseEntry> courses(long cohortId) {
        var cohort = cohort(cohortId);
        var usernames =
                cohort.trainees().stream().map(CohortSummary.Member::username).toList();
        var out = new ArrayList<CohortCourseEntry>();
        var assigned = assignments(cohortId);
        for (var a : assigned) {
            out.add(new CohortCourseEntry(a.course(), true, a.due(), working(usernames, a.course())));
        }
        for (var course : library.courses()) {
            if (assigned.stream().anyMatch(a -> a.course().id().equals(course.id()))) {
                continue;
            }
            int working = working(usernames, course);
            if (working > 0) {
                out.add(new CohortCourseEntry(course, false, null, working));
            }
        }
        return out;
    }

    private int working(List<String> usernames, Course course) {
        if (usernames.isEmpty()) {
            return 0;
        }
        return (int) progress.findByUsernameInAndCourseId(usernames, course.id()).stream()
                .map(LessonProgress::username)
                .distinct()
                .count();
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
                        step.get().kind() == StepKind.REFLECT
                                ? "reflection"
                                : step.get().asksForReasons()
                                        ? (step.get().deliverable() != null
                                                ? "threshold reasons and model card"
                                                : "threshold reasons")
                                        : "model card",
                        s.answer(),
                        s.comment(),
                        s.commentedBy(),
                        s.updatedAt(),
                        step.get().rubric(),
                        s.rubricMarks(),
                        s.rubricScoredBy()));
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
        var text = comment == null || comment.isBlank() ? null : comment.strip();
        if (java.util.Objects.equals(p.comment(), text)) {
            return;
        }
        var had = p.comment() != null;
        p.comment(text, me(), clock.instant());
        // Where the comment is, not what it says: the log is read by administrators, the comment by the trainee.
        audit.record(
                AuditAction.SUBMISSION_COMMENTED,
                me(),
                p.lesson().username(),
                (text == null ? "removed the comment" : had ? "changed the comment" : "commented")
                        + " on step '" + p.stepId() + "' of lesson '"
                        + p.lesson().lessonId() + "' (course '"
                        + p.lesson().courseId() + "', " + describe(cohort) + ")");
    }

    /** Scores a trainee's submission on its step's rubric: one mark per criterion, in the rubric's order. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional
    public void scoreRubric(long cohortId, long stepProgressId, List<Boolean> marks) {
        var cohort = cohort(cohortId);
        var usernames =
                cohort.trainees().stream().map(CohortSummary.Member::username).toList();
        var p = steps.findById(stepProgressId)
                .filter(step -> usernames.contains(step.lesson().username()))
                .orElseThrow(() -> new NoSuchElementException("No submission " + stepProgressId + " in this cohort"));
        var lesson = library.course(p.lesson().courseId()).lessons().stream()
                .filter(l -> l.id().equals(p.lesson().lessonId()))
                .findFirst()
                .orElseThrow(() ->
                        new NoSuchElementException("No lesson '" + p.lesson().lessonId() + "'"));
        var rubric = lesson.step(p.stepId()).rubric();
        if (rubric.isEmpty()) {
            throw new IllegalArgumentException("Step '" + p.stepId() + "' has no rubric to score");
        }
        if (marks == null || marks.size() != rubric.size()) {
            throw new IllegalArgumentException("The rubric of step '" + p.stepId() + "' has " + rubric.size()
                    + " criteria; give one mark for each, not " + (marks == null ? 0 : marks.size()));
        }
        p.scoreRubric(marks, me(), clock.instant());
        audit.record(
                AuditAction.SUBMISSION_COMMENTED,
                me(),
                p.lesson().username(),
                "scored " + marks.stream().filter(m -> m).count() + " of " + marks.size() + " rubric criteria on step '"
                        + p.stepId() + "' of lesson '" + p.lesson().lessonId() + "' (course '"
                        + p.lesson().courseId() + "', " + describe(cohort) + ")");
    }

    /**
     * The cohort's grades for a school's learning-management system (Moodle's CSV grade import, or any that takes an
     * identifier column and one column per grade item): one row per trainee, with {@code Username}, {@code Display
     * name} and, when any trainee has one, {@code Email}; then per lesson of every course the cohort is assigned or
     * has worked in: passed, first-attempt quiz %, quiz attempts, best model metric and late. curricula/README.md
     * describes the columns.
     */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public String csv(long cohortId) {
        var cohort = cohort(cohortId);
        var emails = cohorts.traineeEmails(cohortId);
        var courses = courses(cohortId);
        var lessonIds = courses.stream()
                .flatMap(c -> c.course().lessons().stream())
                .map(Lesson::id)
                .toList();
        var header = new ArrayList<>(List.of("Username", "Display name"));
        if (!emails.isEmpty()) {
            header.add("Email");
        }
        for (var entry : courses) {
            for (var lesson : entry.course().lessons()) {
                // Lesson ids are unique within a course; across courses a clash is told apart by the course.
                var name = lessonIds.indexOf(lesson.id()) == lessonIds.lastIndexOf(lesson.id())
                        ? lesson.id()
                        : entry.course().id() + "/" + lesson.id();
                var metric = metricStep(lesson);
                header.addAll(List.of(
                        name + " passed",
                        name + " quiz first-attempt %",
                        name + " quiz attempts",
                        name + " best "
                                + (metric == null
                                        ? "model metric"
                                        : metric.pass().measure()),
                        name + " late",
                        name + " rubric %"));
                if (hasReaderStudy(lesson)) {
                    header.addAll(List.of(
                            name + " reader sensitivity",
                            name + " reader specificity",
                            name + " assisted sensitivity",
                            name + " assisted specificity",
                            name + " model sensitivity",
                            name + " model specificity"));
                }
            }
        }
        var rows = new LinkedHashMap<String, List<String>>();
        for (var trainee : cohort.trainees()) {
            var row = new ArrayList<>(List.of(defuse(trainee.username()), defuse(trainee.displayName())));
            if (!emails.isEmpty()) {
                row.add(defuse(emails.getOrDefault(trainee.username(), "")));
            }
            rows.put(trainee.username(), row);
        }
        for (var entry : courses) {
            for (var r : grid(cohortId, entry.course().id())) {
                var row = rows.get(r.username());
                for (var cell : r.cells()) {
                    row.add(cell.status() == Status.PASSED ? "yes" : "no");
                    row.add(
                            cell.quizFirstScore() == null
                                    ? ""
                                    : Long.toString(Math.round(cell.quizFirstScore() * 100)));
                    row.add(cell.quizAttempts() == 0 ? "" : Integer.toString(cell.quizAttempts()));
                    row.add(cell.bestMetric() == null ? "" : String.format(Locale.ROOT, "%.3f", cell.bestMetric()));
                    row.add(cell.late() == null ? "" : cell.late() ? "yes" : "no");
                    row.add(cell.rubricScore() == null ? "" : Long.toString(Math.round(cell.rubricScore() * 100)));
                    if (hasReaderStudy(entry.course().lesson(cell.lessonId()))) {
                        var point = cell.reader();
                        var values = point == null
                                ? java.util.Collections.<Double>nCopies(6, null)
                                : java.util.Arrays.asList(
                                        point.sensitivity(),
                                        point.specificity(),
                                        point.assistedSensitivity(),
                                        point.assistedSpecificity(),
                                        point.modelSensitivity(),
                                        point.modelSpecificity());
                        for (var value : values) {
                            row.add(value == null ? "" : String.format(Locale.ROOT, "%.3f", value));
                        }
                    }
                }
            }
        }
        var out = new StringBuilder();
        try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (var row : rows.values()) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * First characters that make a spreadsheet read a cell as a formula: {@code = + - @}, and a tab or carriage
     * return, which some spreadsheets skip before looking for one (OWASP, "CSV injection").
     */
    static final String FORMULA_STARTS = "=+-@\t\r";

    /** Defuses spreadsheet formulas (a leading =, +, -, @, tab or carriage return) in names people typed. */
    static String defuse(String value) {
        var v = value == null ? "" : value;
        return !v.isEmpty() && FORMULA_STARTS.indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }

    /** The lesson's last step judged on a model measure: the figure its grade column reports. */
    static Step metricStep(Lesson lesson) {
        Step found = null;
        for (var step : lesson.steps()) {
            if (ProgressService.isModelMetric(step.pass())) {
                found = step;
            }
        }
        return found;
    }

    private Row row(Course course, String username, String displayName, LocalDate due) {
        var mine = progress.findByUsernameAndCourseIdOrderByStartedAtAsc(username, course.id());
        var today = LocalDate.now(clock);
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
                        lesson.id(),
                        Status.NOT_STARTED,
                        0,
                        lesson.steps().size(),
                        0,
                        null,
                        false,
                        null,
                        0,
                        Step.UNLIMITED,
                        null,
                        null,
                        due == null ? null : today.isAfter(due),
                        null,
                        null));
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
            var quiz = quiz(lesson, versions);
            var passedAt = shown.passedAt();
            Boolean late = due == null
                    ? null
                    : passedAt == null
                            ? today.isAfter(due)
                            : LocalDate.ofInstant(passedAt, clock.getZone()).isAfter(due);
            cells.add(new Cell(
                    lesson.id(),
                    passedVersion.isPresent() ? Status.PASSED : Status.IN_PROGRESS,
                    passed,
                    lesson.steps().size(),
                    seconds,
                    best,
                    !shown.lessonChecksum().equals(lesson.checksum()),
                    passedAt,
                    quiz.attempts(),
                    quiz.allowed(),
                    quiz.firstScore(),
                    bestMetric(lesson, versions),
                    late,
                    rubricScore(lesson, shown),
                    readerPoint(lesson, shown)));
        }
        return new Row(username, displayName, cells);
    }

    private record Quiz(int attempts, int allowed, Double firstScore) {}

    /**
     * A lesson's quizzes together: the first-attempt score over all their questions (each quiz's very first attempt,
     * on whichever version it was), and the attempts at the quiz tried most often, with that quiz's limit.
     */
    private static Quiz quiz(Lesson lesson, List<LessonProgress> versions) {
        int right = 0;
        int questions = 0;
        int attempts = 0;
        int allowed = Step.UNLIMITED;
        for (var step : lesson.steps()) {
            if (step.kind() != StepKind.QUIZ) {
                continue;
            }
            var tried = versions.stream()
                    .flatMap(v -> v.step(step.id()).stream())
                    .filter(s -> s.attempts() > 0)
                    .toList();
            if (tried.isEmpty()) {
                continue;
            }
            right += tried.getFirst().firstRight();
            questions += tried.getFirst().questionCount();
            int count = tried.stream().mapToInt(StepProgress::attempts).sum();
            if (count > attempts) {
                attempts = count;
                allowed = step.attempts();
            }
        }
        return new Quiz(attempts, allowed, questions == 0 ? null : right / (double) questions);
    }

    static boolean hasReaderStudy(Lesson lesson) {
        return lesson.steps().stream().anyMatch(step -> step.kind() == StepKind.READER_STUDY);
    }

    /** The lesson's finished reader study, if it has a reader-study step. */
    private static ReaderPoint readerPoint(Lesson lesson, LessonProgress shown) {
        return lesson.steps().stream()
                .filter(step -> step.kind() == StepKind.READER_STUDY)
                .map(step -> shown.step(step.id())
                        .map(s -> ReaderPoint.of(s.figureValues()))
                        .orElse(null))
                .filter(java.util.Objects::nonNull)
                .reduce((first, second) -> second)
                .orElse(null);
    }

    /** The share of rubric criteria met over the lesson's scored reflections and justifications, or null. */
    private static Double rubricScore(Lesson lesson, LessonProgress shown) {
        int met = 0;
        int criteria = 0;
        for (var step : lesson.steps()) {
            if (step.rubric().isEmpty()) {
                continue;
            }
            var marks = shown.step(step.id()).map(StepProgress::rubricMarks).orElse(List.of());
            if (marks.size() == step.rubric().size()) {
                met += (int) marks.stream().filter(m -> m).count();
                criteria += marks.size();
            }
        }
        return criteria == 0 ? null : met / (double) criteria;
    }

    /** The best value of the lesson's model measure over every version's checked runs, or null. */
    private static Double bestMetric(Lesson lesson, List<LessonProgress> versions) {
        var step = metricStep(lesson);
        if (step == null) {
            return null;
        }
        boolean higher = ProgressService.higherIsBetter(step.pass());
        return versions.stream()
                .flatMap(v -> v.step(step.id()).stream())
                .map(StepProgress::bestMetric)
                .filter(java.util.Objects::nonNull)
                .reduce((a, b) -> higher ? Math.max(a, b) : Math.min(a, b))
                .orElse(null);
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
