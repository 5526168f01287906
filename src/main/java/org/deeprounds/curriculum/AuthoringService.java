package org.deeprounds.curriculum;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeprounds.audit.AuditAction;
import org.deeprounds.audit.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Instructors write courses in the app: edit a course file with validation before it is written, start a course from a
 * template, add a lesson, download a course as a zip and upload one. Files are written only when the whole course
 * still validates, each by a rename into place, so a course on disk is never half-written or broken by an edit;
 * changes are made one at a time, so two instructors saving at once cannot each validate against the other's old
 * version. Every instructor may read a course; only its authors and administrators change it ({@link CourseAuthors}),
 * and each change is in the audit log.
 */
@Service
public class AuthoringService {

    static final Pattern LESSON_FILE = Pattern.compile("lessons/[A-Za-z0-9][A-Za-z0-9_-]*\\.md");
    static final long MAX_ZIP_BYTES = 5L * 1024 * 1024;
    static final int MAX_ZIP_ENTRIES = 300;
    /** The working folders beside the courses (checks, uploads, new courses, replaced ones) as named in messages. */
    private static final Pattern WORK_FOLDER =
            Pattern.compile("\\.(?:check|upload|new|replaced)-[0-9A-Za-z-]+" + Pattern.quote(File.separator) + "?");

    private final CurriculumLibrary library;
    private final CourseAuthors authors;
    private final AuditLog audit;

    AuthoringService(CurriculumLibrary library, CourseAuthors authors, AuditLog audit) {
        this.library = library;
        this.authors = authors;
        this.audit = audit;
    }

    /** The editable files of a course: course.yaml and its lessons. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<String> files(String course) {
        var folder = folder(course);
        var out = new ArrayList<String>();
        out.add("course.yaml");
        try (var lessons = Files.list(folder.resolve("lessons"))) {
            lessons.map(p -> "lessons/" + p.getFileName())
                    .filter(f -> LESSON_FILE.matcher(f).matches())
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            // a course without a lessons folder still has its course.yaml to fix
        }
        return out;
    }

    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public String read(String course, String file) {
        try {
            return Files.readString(path(course, file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The course's problems if {@code file} had {@code content}; nothing is written. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<CourseProblem> validate(String course, String file, String content) {
        path(course, file);
        return withCopy(course, copy -> {
            write(copy.resolve(file), content);
            return check(copy, course);
        });
    }

    /** Writes {@code file} if the course then validates; returns the problems otherwise (and writes nothing). */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public synchronized List<CourseProblem> save(String course, String file, String content) {
        path(course, file);
        authors.checkMayChange(course);
        var problems = validate(course, file, content);
        if (!problems.isEmpty()) {
            return problems;
        }
        write(path(course, file), content);
        library.reload();
        audit.record(AuditAction.COURSE_EDITED, me(), course, "saved " + file);
        return List.of();
    }

    /** A new course from the template: a course.yaml and a first lesson with one step of each common kind. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public synchronized void create(String id, String title) {
        if (id == null || !CourseLoader.ID.matcher(id).matches() || id.length() > 60) {
            throw new IllegalArgumentException("A course id holds lower-case letters, digits and '-' (at most 60), e.g."
                    + " 'ultrasound-basics'; not '" + id + "'");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Give the course a title");
        }
        var folder = library.dir().resolve(id);
        if (Files.exists(folder)) {
            throw new IllegalArgumentException("A course '" + id + "' already exists");
        }
        var staging = library.dir().resolve(".new-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging.resolve("lessons"));
            write(staging.resolve("course.yaml"), Templates.course(id, title));
            write(
                    staging.resolve("lessons/01-introduction.md"),
                    Templates.lesson(id + "-introduction", "Introduction"));
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            delete(staging);
            throw new UncheckedIOException("Cannot create course '" + id + "'", e);
        }
        authors.startedBy(id);
        library.reload();
        audit.record(AuditAction.COURSE_CREATED, me(), id, title.strip());
    }

    /** Adds a lesson file from the template and lists it last in course.yaml, if the course stays valid. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public synchronized List<CourseProblem> addLesson(String course, String name, String title) {
        var file = "lessons/" + name + (name.endsWith(".md") ? "" : ".md");
        if (!LESSON_FILE.matcher(file).matches()) {
            throw new IllegalArgumentException("A lesson file name holds letters, digits, '-' and '_', e.g."
                    + " '03-thresholds'; not '" + name + "'");
        }
        authors.checkMayChange(course);
        if (Files.exists(folder(course).resolve(file))) {
            throw new IllegalArgumentException(file + " already exists");
        }
        var lessonId = course + "-"
                + file.substring("lessons/".length(), file.length() - 3).replaceAll("^[0-9]+-", "");
        var yaml = read(course, "course.yaml");
        var newYaml = yaml.stripTrailing() + "\n  - " + file.substring("lessons/".length()) + "\n";
        var problems = withCopy(course, copy -> {
            write(copy.resolve(file), Templates.lesson(lessonId.toLowerCase(java.util.Locale.ROOT), title));
            write(copy.resolve("course.yaml"), newYaml);
            return check(copy, course);
        });
        if (problems.isEmpty()) {
            write(path(course, file), Templates.lesson(lessonId.toLowerCase(java.util.Locale.ROOT), title));
            write(path(course, "course.yaml"), newYaml);
            library.reload();
            audit.record(AuditAction.COURSE_EDITED, me(), course, "added " + file + " and listed it in course.yaml");
        }
        return problems;
    }

    /** The course folder as a zip, to keep in git or share with another school. */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public byte[] zip(String course) {
        var folder = folder(course);
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes);
                var files = Files.walk(folder)) {
            for (var file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(
                        course + "/" + folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot zip course '" + course + "'", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Installs a course from a zip (one folder named by the course id, or course.yaml at the top), replacing the course
     * of that id only if the uploaded one validates and the user may change it (a {@link CourseChangeRefusedException}
     * otherwise). Returns its problems; on any problem nothing is changed. The uploader of a new course is its author.
     */
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public synchronized UploadResult upload(InputStream in) {
        var staging = library.dir().resolve(".upload-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            unzip(in, staging);
            var root = courseRoot(staging);
            var id = root.getFileName().toString();
            if (root.equals(staging)) {
                id = idOf(staging.resolve("course.yaml"));
                // Checked before the id becomes part of any path: it is text from the upload.
                if (!CourseLoader.ID.matcher(id).matches() || id.length() > 60) {
                    return new UploadResult(
                            null,
                            List.of(new CourseProblem(
                                    "course.yaml",
                                    0,
                                    "id: '" + id + "' may hold only lower-case letters, digits and '-' (at most 60)")));
                }
                var named = staging.resolve(id);
                var inner = Files.createDirectories(staging.resolve(".inner"));
                try (var list = Files.list(staging)) {
                    for (var p : list.filter(p -> !p.equals(inner)).toList()) {
                        Files.move(p, inner.resolve(p.getFileName()));
                    }
                }
                Files.move(inner, named);
                root = named;
            }
            if (!CourseLoader.ID.matcher(id).matches()) {
                return new UploadResult(
                        id,
                        List.of(new CourseProblem(
                                "course.yaml",
                                0,
                                "id: '" + id + "' may hold only lower-case letters, digits and '-'")));
            }
            var target = library.dir().resolve(id);
            boolean replacing = Files.exists(target);
            if (replacing) {
                authors.checkMayChange(id);
            }
            var problems = check(root, id);
            if (!problems.isEmpty()) {
                return new UploadResult(id, problems);
            }
            var old = library.dir().resolve(".replaced-" + id + "-" + UUID.randomUUID());
            if (replacing) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(root, target, StandardCopyOption.ATOMIC_MOVE);
            delete(old);
            if (!replacing) {
                authors.startedBy(id);
            }
            library.reload();
            audit.record(
                    AuditAction.COURSE_UPLOADED,
                    me(),
                    id,
                    replacing ? "replaced the course with an uploaded zip" : "new course from an uploaded zip");
            return new UploadResult(id, List.of());
        } catch (IOException e) {
            return new UploadResult(null, List.of(new CourseProblem("upload", 0, relative(e.getMessage()))));
        } finally {
            delete(staging);
        }
    }

    /** The course an upload installed (or would have), and why not. */
    public record UploadResult(String course, List<CourseProblem> problems) {}

    private List<CourseProblem> check(Path folder, String course) {
        var result = CourseLoader.load(folder, library.catalog());
        var problems = new ArrayList<CourseProblem>();
        for (var p : result.problems()) {
            problems.add(new CourseProblem(p.file(), p.line(), relative(p.message())));
        }
        if (result.course() != null) {
            for (var other : library.courses()) {
                if (other.id().equals(course)) {
                    continue;
                }
                for (var lesson : result.course().lessons()) {
                    if (other.lessons().stream().anyMatch(l -> l.id().equals(lesson.id()))) {
                        problems.add(new CourseProblem(
                                lesson.file(),
                                0,
                                "id: lesson id '" + lesson.id() + "' is already used by course '" + other.id() + "'"));
                    }
                }
            }
        }
        return problems;
    }

    private interface WithCopy {
        List<CourseProblem> apply(Path copy) throws IOException;
    }

    private List<CourseProblem> withCopy(String course, WithCopy action) {
        var source = folder(course);
        var temp = library.dir().resolve(".check-" + UUID.randomUUID()).resolve(course);
        try {
            try (var files = Files.walk(source)) {
                for (var file : files.toList()) {
                    var target = temp.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
            return action.apply(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check course '" + course + "': " + relative(e.getMessage()), e);
        } finally {
            delete(temp.getParent());
        }
    }

    /**
     * A message without the server's folders: instructors know a course by its id and a file by its name in the course
     * (a file-system error names {@code <course>/lessons/x.md}), and the page must not tell where the server keeps data.
     */
    private String relative(String message) {
        if (message == null) {
            return "";
        }
        var dir = library.dir().toString();
        return WORK_FOLDER
                .matcher(message.replace(dir + File.separator, ""))
                .replaceAll("")
                .replace(dir, "the curricula folder");
    }

    private static String me() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }

    private Path folder(String course) {
        if (course == null) {
            throw new IllegalArgumentException("Choose a course first");
        }
        if (!CourseLoader.ID.matcher(course).matches()) {
            throw new IllegalArgumentException("No course '" + course + "'");
        }
        var folder = library.dir().resolve(course);
        if (!Files.isDirectory(folder)) {
            throw new java.util.NoSuchElementException("No course '" + course + "'");
        }
        return folder;
    }

    private Path path(String course, String file) {
        if (!file.equals("course.yaml") && !LESSON_FILE.matcher(file).matches()) {
            throw new IllegalArgumentException("Only course.yaml and lessons/*.md can be edited, not '" + file + "'");
        }
        return folder(course).resolve(file);
    }

    /** Writes beside the target and renames into place: a crash leaves the old file or the new, never half of one. */
    private static void write(Path target, String content) {
        try {
            Files.createDirectories(target.getParent());
            var temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            Files.writeString(temp, content.replace("\r\n", "\n"), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target.getFileName(), e);
        }
    }

    private static void unzip(InputStream in, Path into) throws IOException {
        long total = 0;
        int entries = 0;
        try (var zip = new ZipInputStream(in)) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw new IOException(
                            "The zip has more than " + MAX_ZIP_ENTRIES + " files; a course has far fewer");
                }
                var target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into) || entry.getName().startsWith("/")) {
                    throw new IOException("The zip entry '" + entry.getName() + "' points outside the course");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (var out = Files.newOutputStream(target)) {
                    var buffer = new byte[8192];
                    for (int n; (n = zip.read(buffer)) > 0; ) {
                        total += n;
                        if (total > MAX_ZIP_BYTES) {
                            throw new IOException("The course unpacks to more than 5 MB; keep images small");
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException("Not a zip file: " + e.getMessage(), e);
        }
        if (entries == 0) {
            throw new IOException("The upload is empty or not a zip file");
        }
    }

    /** The folder holding course.yaml: the top of the zip, or its one folder. */
    private static Path courseRoot(Path staging) throws IOException {
        if (Files.exists(staging.resolve("course.yaml"))) {
            return staging;
        }
        try (var list = Files.list(staging)) {
            var dirs = list.filter(Files::isDirectory).toList();
            if (dirs.size() == 1 && Files.exists(dirs.getFirst().resolve("course.yaml"))) {
                return dirs.getFirst();
            }
        }
        throw new IOException("No course.yaml found: zip one course folder (course.yaml, lessons/, images/)");
    }

    private static String idOf(Path yaml) throws IOException {
        for (var line : Files.readAllLines(yaml, StandardCharsets.UTF_8)) {
            if (line.startsWith("id:")) {
                return line.substring(3).strip().replace("\"", "").replace("'", "");
            }
        }
        throw new IOException("course.yaml has no id");
    }

    private static void delete(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            for (var p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left for the next start; folders starting with '.' are never loaded as courses
        }
    }

    /** Starting points for new courses and lessons. */
    static final class Templates {
        private Templates() {}

        static String course(String id, String title) {
            return """
                    id: %s
                    title: "%s"
                    audience: "Who this course is for, and what they need to know first."
                    prerequisites: [foundations]
                    objectives:
                      - "What a trainee can do after this course."
                    estimatedMinutes: 30
                    licence: CC BY 4.0
                    authors: ["Your name"]
                    lessons:
                      - 01-introduction.md
                    """.formatted(id, title.replace("\"", "'"));
        }

        static String lesson(String id, String title) {
            return """
                    ---
                    id: %s
                    title: "%s"
                    minutes: 10
                    steps:
                      - id: why
                        kind: read
                      - id: train
                        kind: train
                        dataset: pneumoniamnist-balanced
                        template: imaging-cnn
                        set: {epochs: 5}
                        pass: validation.auc >= 0.8
                        hint: "Train again with the lesson's settings."
                      - id: reflect
                        kind: reflect
                    ---
                    What this lesson is about, in two or three sentences.

                    ## Why it matters {#why}
                    The idea, with a clinical example.

                    ## Try it {#train}
                    What to do, what to watch for on the run's page, and why.

                    ## Reflect {#reflect}
                    A question that connects the lesson to the trainee's practice.
                    """.formatted(id, title.replace("\"", "'"));
        }
    }
}
