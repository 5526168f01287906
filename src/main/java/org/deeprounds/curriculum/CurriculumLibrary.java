package org.deeprounds.curriculum;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.deeprounds.base.DataDirectory;
import org.deeprounds.datasets.DatasetService;
import org.deeprounds.models.Templates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Every course of the curricula folder, validated at start-up and on each change. A course with problems is kept with
 * its problems (for its authors to see) and offered to nobody; it never stops the server or the other courses.
 */
@Service
public class CurriculumLibrary {

    private static final Logger log = LoggerFactory.getLogger(CurriculumLibrary.class);

    private final Path dir;
    private final DatasetService datasets;
    private volatile Map<String, CourseLoader.Result> courses = Map.of();

    /** Only nodes that serve pages copy the shipped courses, so a worker starting beside them never races the copy. */
    private final boolean installs;

    @org.springframework.beans.factory.annotation.Autowired
    CurriculumLibrary(
            CurriculumSettings settings,
            DataDirectory dataDirectory,
            DatasetService datasets,
            org.deeprounds.base.node.NodeSettings node) {
        this(settings, dataDirectory, datasets, node.role().serves());
    }

    CurriculumLibrary(
            CurriculumSettings settings, DataDirectory dataDirectory, DatasetService datasets, boolean installs) {
        this.installs = installs;
        this.dir = (settings.dir() != null ? settings.dir() : dataDirectory.resolve("curricula"))
                .toAbsolutePath()
                .normalize();
        this.datasets = datasets;
    }

    /** Copies missing shipped courses, then loads everything. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (installs) {
            installShippedCourses();
        }
        reload();
    }

    /** Loads (again) every course folder, checking each alone and then references between courses. */
    public synchronized void reload() {
        var loaded = new LinkedHashMap<String, CourseLoader.Result>();
        for (var folder : folders()) {
            loaded.put(folder.getFileName().toString(), CourseLoader.load(folder, catalog()));
        }
        courses = crossChecked(loaded);
        courses.values().forEach(r -> {
            if (!r.problems().isEmpty()) {
                log.warn("Course '{}' is not offered: {}", r.folder(), r.problems());
            }
        });
        log.info(
                "Curricula in {}: {} course(s) offered, {} with problems",
                dir,
                courses.values().stream().filter(CourseLoader.Result::ok).count(),
                courses.values().stream().filter(r -> !r.ok()).count());
    }

    /** The valid courses, by title. */
    public List<Course> courses() {
        return courses.values().stream()
                .filter(CourseLoader.Result::ok)
                .map(CourseLoader.Result::course)
                .sorted(Comparator.comparing(Course::title))
                .toList();
    }

    /** Every course folder with its problems (empty when valid), for authors and administrators. */
    public List<CourseLoader.Result> all() {
        return List.copyOf(courses.values());
    }

    public Course course(String id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("No course '" + id + "'"));
    }

    public Optional<Course> find(String id) {
        var result = courses.get(id);
        return result != null && result.ok() ? Optional.of(result.course()) : Optional.empty();
    }

    public Path dir() {
        return dir;
    }

    /** Lesson ids are unique across courses (progress is kept against them); prerequisites must exist. */
    private static Map<String, CourseLoader.Result> crossChecked(Map<String, CourseLoader.Result> loaded) {
        var lessonOwners = new LinkedHashMap<String, String>();
        var out = new LinkedHashMap<String, CourseLoader.Result>();
        for (var entry : loaded.entrySet()) {
            var result = entry.getValue();
            if (result.course() == null) {
                out.put(entry.getKey(), result);
                continue;
            }
            var problems = new ArrayList<>(result.problems());
            for (var prerequisite : result.course().prerequisites()) {
                if (!loaded.containsKey(prerequisite)) {
                    problems.add(new CourseProblem(
                            "course.yaml",
                            0,
                            "prerequisites: course '" + prerequisite + "' not found"
                                    + Suggestions.didYouMean(prerequisite, loaded.keySet())));
                }
            }
            for (var lesson : result.course().lessons()) {
                var owner =
                        lessonOwners.putIfAbsent(lesson.id(), result.course().id());
                if (owner != null) {
                    problems.add(new CourseProblem(
                            lesson.file(),
                            0,
                            "id: lesson id '" + lesson.id() + "' is already used by course '" + owner
                                    + "'; lesson ids must be unique"));
                }
            }
            out.put(
                    entry.getKey(),
                    problems.isEmpty()
                            ? result
                            : new CourseLoader.Result(result.folder(), null, List.copyOf(problems)));
        }
        return out;
    }

    CourseLoader.Catalog catalog() {
        Set<String> keys = new LinkedHashSet<>(datasets.sampleKeys());
        Set<String> templates = new LinkedHashSet<>();
        Templates.ALL.forEach(t -> templates.add(t.name()));
        return new CourseLoader.Catalog() {
            @Override
            public Set<String> datasets() {
                return keys;
            }

            @Override
            public Set<String> templates() {
                return templates;
            }
        };
    }

    private List<Path> folders() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var list = Files.list(dir)) {
            return list.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    /** The courses shipped in the jar (classpath curricula/), copied course by course where missing. */
    private void installShippedCourses() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            var shipped = new LinkedHashMap<String, List<org.springframework.core.io.Resource>>();
            for (var resource : resolver.getResources("classpath*:curricula/**")) {
                if (!resource.isReadable()) {
                    continue;
                }
                var url = resource.getURL().toString();
                var relative = url.substring(url.lastIndexOf("curricula/") + "curricula/".length());
                int slash = relative.indexOf('/');
                if (slash > 0) {
                    shipped.computeIfAbsent(relative.substring(0, slash), k -> new ArrayList<>())
                            .add(resource);
                }
            }
            for (var course : shipped.entrySet()) {
                var target = dir.resolve(course.getKey());
                if (Files.exists(target)) {
                    continue;
                }
                for (var resource : course.getValue()) {
                    var url = resource.getURL().toString();
                    var file = dir.resolve(url.substring(url.lastIndexOf("curricula/") + "curricula/".length()));
                    Files.createDirectories(file.getParent());
                    try (var in = resource.getInputStream()) {
                        Files.copy(in, file);
                    }
                }
                log.info("Installed shipped course '{}' into {}", course.getKey(), dir);
            }
        } catch (IOException e) {
            log.error("Could not install the shipped courses into {}: {}", dir, e.getMessage(), e);
        }
    }
}
