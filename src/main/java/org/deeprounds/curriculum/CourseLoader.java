package org.deeprounds.curriculum;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.deeprounds.datasets.model.Modality;
import org.deeprounds.models.Templates;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one course folder (curricula/FORMAT.md) and checks everything a trainee would trip over: missing or unknown
 * fields, unknown datasets and templates (with a suggestion), steps without text, quizzes without a right answer.
 * Every problem names the file, the line and the field; a course with any problem is not offered.
 */
public final class CourseLoader {

    /** What lessons may refer to. */
    public interface Catalog {
        Set<String> datasets();

        Set<String> templates();
    }

    /** A course, or why there is none. */
    public record Result(String folder, Course course, List<CourseProblem> problems) {
        public boolean ok() {
            return course != null && problems.isEmpty();
        }
    }

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    static final Pattern HEADING = Pattern.compile("^##\\s+(.*?)\\s*(\\{#([^}]*)\\})?\\s*$");
    static final List<String> COURSE_FIELDS = List.of(
            "id",
            "title",
            "audience",
            "prerequisites",
            "objectives",
            "estimatedMinutes",
            "licence",
            "authors",
            "lessons",
            "quizAttempts");
    static final List<String> SETTINGS =
            List.of("learningRate", "batchSize", "epochs", "seed", "l2", "optimiser", LessonSettings.AUGMENTATION);
    static final List<String> LOCKABLE = List.of(
            "layers",
            "optimiser",
            "learningRate",
            "batchSize",
            "epochs",
            "seed",
            "l2",
            LessonSettings.AUGMENTATION,
            "classWeights");
    static final List<String> OPTIMISERS = List.of("ADAM", "SGD_MOMENTUM");
    static final Map<StepKind, List<String>> STEP_FIELDS = Map.of(
            StepKind.READ, List.of(),
            StepKind.EXPLORE, List.of("dataset"),
            StepKind.BUILD, List.of("dataset", "template", "set", "locked"),
            StepKind.TRAIN, List.of("dataset", "template", "set", "locked", "pass", "hint"),
            StepKind.EVALUATE, List.of("pass", "hint", "deliverable", "thresholdFrom", "rubric", "minWords"),
            StepKind.REFLECT, List.of("minWords", "rubric"),
            StepKind.QUIZ, List.of("questions", "attempts"),
            StepKind.READER_STUDY, List.of("cases", "seed", "pass", "hint"));

    private final Path folder;
    private final Catalog catalog;
    private final List<CourseProblem> problems = new ArrayList<>();
    private String file = "course.yaml";
    /** The course's {@code quizAttempts}, for quiz steps that set no {@code attempts} of their own. */
    private int quizAttempts = Step.UNLIMITED;
    /** Step ids of the lesson being read, valid or not: a step with a bad field still owns its section. */
    private final Set<String> declared = new java.util.HashSet<>();

    private CourseLoader(Path folder, Catalog catalog) {
        this.folder = folder.toAbsolutePath().normalize();
        this.catalog = catalog;
    }

    public static Result load(Path folder, Catalog catalog) {
        var loader = new CourseLoader(folder, catalog);
        Course course = null;
        try {
            course = loader.course();
        } catch (Invalid e) {
            // recorded already
        }
        return new Result(
                folder.getFileName().toString(),
                loader.problems.isEmpty() ? course : null,
                List.copyOf(loader.problems));
    }

    /** Thrown to stop reading a file whose structure is too broken to go on. */
    private static final class Invalid extends RuntimeException {
        Invalid() {
            super(null, null, false, false);
        }
    }

    private Course course() {
        var yaml = folder.resolve("course.yaml");
        if (!Files.isRegularFile(yaml)) {
            problem(0, "missing: every course folder needs a course.yaml");
            throw new Invalid();
        }
        var root = mapping(parse(read(yaml), 0), "course.yaml", 0);
        unknownFields(root, COURSE_FIELDS, 0);
        var id = text(root, "id", 0, true);
        if (id != null && !id.equals(folder.getFileName().toString())) {
            problem(
                    line(root.get("id"), 0),
                    "id: '" + id + "' must equal the folder name '" + folder.getFileName() + "'");
        }
        var title = text(root, "title", 0, true);
        var audience = text(root, "audience", 0, true);
        var prerequisites = texts(root, "prerequisites", 0, false);
        var objectives = texts(root, "objectives", 0, true);
        var minutes = number(root, "estimatedMinutes", 0, true);
        var licence = text(root, "licence", 0, true);
        var authors = texts(root, "authors", 0, true);
        var lessonFiles = texts(root, "lessons", 0, true);
        quizAttempts = attempts(root, "quizAttempts", 0, Step.UNLIMITED);
        if (lessonFiles.isEmpty() && root.containsKey("lessons")) {
            problem(line(root.get("lessons"), 0), "lessons: a course needs at least one lesson");
        }
        var lessons = new ArrayList<Lesson>();
        var ids = new LinkedHashSet<String>();
        for (var name : lessonFiles) {
            var lesson = lesson(id, name);
            file = "course.yaml";
            if (lesson != null && !ids.add(lesson.id())) {
                problem(0, "lesson id '" + lesson.id() + "' is used twice in this course");
            }
            if (lesson != null) {
                lessons.add(lesson);
            }
        }
        return new Course(
                id,
                title,
                audience,
                prerequisites,
                objectives,
                minutes == null ? 0 : minutes.intValue(),
                licence,
                authors,
                List.copyOf(lessons));
    }

    private Lesson lesson(String courseId, String name) {
        file = "lessons/" + name;
        var path = folder.resolve("lessons").resolve(name).normalize();
        if (!path.startsWith(folder.resolve("lessons")) || !Files.isRegularFile(path)) {
            file = "course.yaml";
            problem(0, "lessons: 'lessons/" + name + "' not found" + Suggestions.didYouMean(name, lessonFilesOnDisk()));
            return null;
        }
        int before = problems.size();
        declared.clear();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            problem(0, "cannot be read: " + e.getMessage());
            return null;
        }
        var content = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (!content.startsWith("---\n")) {
            problem(1, "a lesson starts with YAML front matter between two '---' lines");
            return null;
        }
        int end = content.indexOf("\n---\n", 3);
        if (end < 0) {
            problem(1, "the front matter is not closed by a '---' line");
            return null;
        }
        var front = content.substring(4, end + 1);
        var body = content.substring(end + 5);
        int bodyFirstLine = (int) content.substring(0, end + 5)
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1;
        // Front matter lines are numbered from the file's second line.
        Lesson lesson;
        try {
            var root = mapping(parse(front, 1), "front matter", 1);
            unknownFields(root, List.of("id", "title", "minutes", "steps"), 1);
            var id = text(root, "id", 1, true);
            if (id != null && !ID.matcher(id).matches()) {
                problem(line(root.get("id"), 1), "id: '" + id + "' may hold only lower-case letters, digits and '-'");
            }
            var title = text(root, "title", 1, true);
            var minutes = number(root, "minutes", 1, false);
            var steps = steps(root, 1);
            var kinds = new LinkedHashMap<String, StepKind>();
            steps.forEach(st -> kinds.put(st.id(), st.kind()));
            placeholders(content, kinds);
            var sections = sections(body, bodyFirstLine);
            var built = new ArrayList<Step>();
            var byId = new LinkedHashMap<String, Section>();
            sections.sections().forEach(s -> byId.put(s.id(), s));
            for (var step : steps) {
                var section = byId.remove(step.id());
                if (section == null) {
                    problem(
                            step.line(),
                            "step '" + step.id() + "' has no section; add a heading '## Title {#" + step.id() + "}'");
                    continue;
                }
                built.add(new Step(
                        step.id(),
                        step.kind(),
                        section.title(),
                        section.text(),
                        step.dataset(),
                        step.template(),
                        step.set(),
                        step.locked(),
                        step.pass(),
                        step.hint(),
                        step.deliverable(),
                        step.minWords(),
                        step.questions(),
                        step.attempts(),
                        step.rubric(),
                        step.thresholdFrom(),
                        step.readerCases(),
                        step.readerSeed()));
            }
            byId.values().stream()
                    .filter(s -> !declared.contains(s.id()))
                    .forEach(
                            s -> problem(s.line(), "section {#" + s.id() + "} belongs to no step in the front matter"));
            if (problems.size() == before && !built.isEmpty()) {
                var order = sections.sections().stream().map(Section::id).toList();
                var expected = built.stream().map(Step::id).toList();
                if (!order.equals(expected)) {
                    problem(
                            sections.sections().getFirst().line(),
                            "sections are in the order " + order + " but the steps are " + expected
                                    + "; put them in the same order");
                }
            }
            lesson = new Lesson(
                    id,
                    courseId,
                    file,
                    title,
                    minutes == null ? 0 : minutes.intValue(),
                    sections.intro(),
                    List.copyOf(built),
                    sha256(bytes));
        } catch (Invalid e) {
            return null;
        }
        return problems.size() == before ? lesson : null;
    }

    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

    /** Each {@code {{...}}} in the file quotes a step of this lesson, in one of the two forms the player fills in. */
    private void placeholders(String content, Map<String, StepKind> stepKinds) {
        var stepIds = stepKinds.keySet();
        var lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var found = ANY_PLACEHOLDER.matcher(lines[i]);
            while (found.find()) {
                var m = LessonText.PLACEHOLDER.matcher(found.group());
                if (!m.matches()) {
                    problem(
                            i + 1,
                            "'" + found.group() + "' is not a placeholder; write {{result:STEP}}, {{percent:STEP}},"
                                    + " or for an evaluate step {{threshold:STEP}}, {{tp:STEP}}, {{fp:STEP}},"
                                    + " {{tn:STEP}} or {{fn:STEP}}");
                } else if (!stepIds.contains(m.group(2))) {
                    problem(
                            i + 1,
                            "'" + found.group() + "' quotes step '" + m.group(2) + "', which this lesson does not have"
                                    + Suggestions.didYouMean(m.group(2), stepIds));
                } else if (LessonText.FIGURES.contains(m.group(1)) && stepKinds.get(m.group(2)) != StepKind.EVALUATE) {
                    problem(
                            i + 1,
                            "'" + found.group() + "' quotes the locked threshold and test confusion matrix of an"
                                    + " evaluate step, but step '" + m.group(2) + "' is a "
                                    + stepKinds.get(m.group(2)).key() + " step");
                }
            }
        }
    }

    private record StepDraft(
            String id,
            StepKind kind,
            int line,
            String dataset,
            String template,
            Map<String, Object> set,
            List<String> locked,
            Criterion pass,
            String hint,
            String deliverable,
            int minWords,
            List<Step.Question> questions,
            int attempts,
            List<String> rubric,
            String thresholdFrom,
            int readerCases,
            Long readerSeed) {}

    private List<StepDraft> steps(Map<String, Node> root, int offset) {
        var node = root.get("steps");
        if (node == null) {
            problem(0, "steps: missing; a lesson needs at least one step");
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problem(line(node, offset), "steps: must be a list of steps");
            return List.of();
        }
        var out = new ArrayList<StepDraft>();
        var ids = new LinkedHashSet<String>();
        for (var item : sequence.getValue()) {
            int at = line(item, offset);
            var step = mapping(item, "step", offset);
            var id = text(step, "id", offset, true);
            var kindText = text(step, "kind", offset, true);
            if (id == null || kindText == null) {
                continue;
            }
            if (!ID.matcher(id).matches()) {
                problem(at, "id: step id '" + id + "' may hold only lower-case letters, digits and '-'");
            }
            declared.add(id);
            if (!ids.add(id)) {
                problem(at, "id: step id '" + id + "' is used twice");
            }
            StepKind kind = StepKind.of(kindText);
            if (kind == null) {
                var kinds = java.util.Arrays.stream(StepKind.values())
                        .map(StepKind::key)
                        .toList();
                problem(
                        line(step.get("kind"), offset),
                        "kind: unknown step kind '" + kindText + "'" + Suggestions.didYouMean(kindText, kinds)
                                + "; kinds: " + String.join(", ", kinds));
                continue;
            }
            var allowed = new ArrayList<>(List.of("id", "kind"));
            allowed.addAll(STEP_FIELDS.get(kind));
            unknownFields(step, allowed, offset);
            boolean needsData = kind == StepKind.EXPLORE || kind == StepKind.BUILD || kind == StepKind.TRAIN;
            var dataset = text(step, "dataset", offset, needsData);
            if (dataset != null && !catalog.datasets().contains(dataset)) {
                problem(
                        line(step.get("dataset"), offset),
                        "dataset '" + dataset + "' not found" + Suggestions.didYouMean(dataset, catalog.datasets()));
            }
            boolean needsTemplate = kind == StepKind.BUILD || kind == StepKind.TRAIN;
            var template = text(step, "template", offset, needsTemplate);
            if (template != null && !catalog.templates().contains(template)) {
                problem(
                        line(step.get("template"), offset),
                        "template '" + template + "' not found"
                                + Suggestions.didYouMean(template, catalog.templates()) + "; templates: "
                                + String.join(", ", catalog.templates()));
            }
            var set = settings(step.get("set"), offset);
            if (set.containsKey(LessonSettings.AUGMENTATION) && template != null) {
                Templates.ALL.stream()
                        .filter(t -> t.name().equals(template) && t.modality() != Modality.IMAGING)
                        .findFirst()
                        .ifPresent(t -> problem(
                                line(step.get("set"), offset),
                                "set.augmentation: augmentation changes images, but template '" + template + "' reads "
                                        + t.modality().name().toLowerCase(java.util.Locale.ROOT) + " data"));
            }
            var locked = texts(step, "locked", offset, false);
            for (var name : locked) {
                if (!LOCKABLE.contains(name)) {
                    problem(
                            line(step.get("locked"), offset),
                            "locked: '" + name + "' cannot be locked" + Suggestions.didYouMean(name, LOCKABLE)
                                    + "; lockable: " + String.join(", ", LOCKABLE));
                }
            }
            Criterion pass = null;
            var passText = text(step, "pass", offset, false);
            if (passText != null) {
                try {
                    pass = Criterion.parse(passText);
                    if (kind == StepKind.TRAIN && pass.measure().startsWith("test.")) {
                        problem(
                                line(step.get("pass"), offset),
                                "pass: a train step cannot be judged on the test"
                                        + " split; use validation measures, and test ones in an evaluate step");
                    } else if (pass.measure().startsWith("reader.") != (kind == StepKind.READER_STUDY)) {
                        problem(
                                line(step.get("pass"), offset),
                                kind == StepKind.READER_STUDY
                                        ? "pass: a reader-study step is judged on the trainee's reading: reader.*"
                                                + " measures"
                                        : "pass: " + pass.measure() + " measures a reader study, so only a"
                                                + " reader-study step can use it");
                    } else if (kind != StepKind.EVALUATE && pass.atLockedThreshold()) {
                        problem(
                                line(step.get("pass"), offset),
                                "pass: " + pass.measure() + " is measured at the threshold locked on the evaluation"
                                        + " page, so only an evaluate step can use it");
                    }
                } catch (IllegalArgumentException e) {
                    problem(line(step.get("pass"), offset), "pass: " + e.getMessage());
                }
            }
            var hint = text(step, "hint", offset, false);
            var deliverable = text(step, "deliverable", offset, false);
            if (deliverable != null && !deliverable.equals("model-card")) {
                problem(
                        line(step.get("deliverable"), offset),
                        "deliverable: only 'model-card' is known, not '" + deliverable + "'");
            }
            var minWords = number(step, "minWords", offset, false);
            var rubric = texts(step, "rubric", offset, false);
            if (step.containsKey("rubric") && (rubric.isEmpty() || rubric.size() > 8)) {
                problem(line(step.get("rubric"), offset), "rubric: list 1 to 8 criteria, not " + rubric.size());
            }
            for (var criterion : rubric) {
                if (criterion.isBlank() || criterion.length() > 300) {
                    problem(
                            line(step.get("rubric"), offset),
                            "rubric: each criterion is a sentence of 1 to 300 characters");
                }
            }
            if (kind == StepKind.EVALUATE && minWords != null && rubric.isEmpty()) {
                problem(
                        line(step.get("minWords"), offset),
                        "minWords: an evaluate step asks for written reasons only with a rubric to score them");
            }
            var thresholdFrom = text(step, "thresholdFrom", offset, false);
            if (thresholdFrom != null && !Step.THRESHOLD_SOURCES.contains(thresholdFrom)) {
                problem(
                        line(step.get("thresholdFrom"), offset),
                        "thresholdFrom: 'validation' (the default) or 'any', not '" + thresholdFrom + "'");
                thresholdFrom = null;
            }
            var readerCases = number(step, "cases", offset, false);
            if (readerCases != null && (readerCases.intValue() < 2 || readerCases.intValue() > 100)) {
                problem(line(step.get("cases"), offset), "cases: from 2 to 100 test cases, not " + readerCases);
            }
            var readerSeed = number(step, "seed", offset, false);
            var questions =
                    kind == StepKind.QUIZ ? questions(step.get("questions"), offset, at) : List.<Step.Question>of();
            int attempts = kind == StepKind.QUIZ ? attempts(step, "attempts", offset, quizAttempts) : Step.UNLIMITED;
            out.add(new StepDraft(
                    id,
                    kind,
                    at,
                    dataset,
                    template,
                    set,
                    locked,
                    pass,
                    hint,
                    deliverable,
                    minWords == null ? 20 : minWords.intValue(),
                    questions,
                    attempts,
                    List.copyOf(rubric),
                    thresholdFrom == null ? "validation" : thresholdFrom,
                    kind == StepKind.READER_STUDY ? (readerCases == null ? 10 : readerCases.intValue()) : 0,
                    readerSeed == null ? null : readerSeed.longValue()));
        }
        return out;
    }

    private Map<String, Object> settings(Node node, int offset) {
        var out = new LinkedHashMap<String, Object>();
        if (node == null) {
            return out;
        }
        var map = mapping(node, "set", offset);
        for (var entry : map.entrySet()) {
            var key = entry.getKey();
            int at = line(entry.getValue(), offset);
            if (!SETTINGS.contains(key)) {
                problem(
                        at,
                        "set: unknown setting '" + key + "'" + Suggestions.didYouMean(key, SETTINGS) + "; settings: "
                                + String.join(", ", SETTINGS));
                continue;
            }
            if (key.equals(LessonSettings.AUGMENTATION)) {
                var augmentation = augmentation(entry.getValue(), offset);
                if (augmentation != null) {
                    out.put(key, augmentation);
                }
                continue;
            }
            var value = scalar(entry.getValue(), "set." + key, offset);
            if (value == null) {
                continue;
            }
            if (key.equals("optimiser")) {
                if (!OPTIMISERS.contains(value)) {
                    problem(at, "set.optimiser: '" + value + "' is not one of " + String.join(", ", OPTIMISERS));
                }
                out.put(key, value);
                continue;
            }
            try {
                double number = Double.parseDouble(value);
                boolean whole = key.equals("batchSize") || key.equals("epochs") || key.equals("seed");
                if (whole && number != Math.rint(number)) {
                    problem(at, "set." + key + ": must be a whole number, not " + value);
                } else if (number < 0 || (number == 0 && !key.equals("l2") && !key.equals("seed"))) {
                    problem(at, "set." + key + ": must be above 0, not " + value);
                } else if (key.equals("epochs") && number > 200) {
                    problem(at, "set.epochs: at most 200, not " + value);
                }
                out.put(key, whole ? (Object) (long) number : (Object) number);
            } catch (NumberFormatException e) {
                problem(at, "set." + key + ": '" + value + "' is not a number");
            }
        }
        return out;
    }

    /**
     * {@code augmentation: {horizontalFlip: false, rotationDegrees: 10, ...}}: each field named and in its range, or a
     * problem on its line; null when any field is wrong, so a broken setting never reaches the builder.
     */
    private org.deeprounds.models.Augmentation augmentation(Node node, int offset) {
        if (!(node instanceof MappingNode)) {
            problem(
                    line(node, offset),
                    "set.augmentation: expected fields, e.g. {rotationDegrees: 10, shiftFraction: 0.1}; fields: "
                            + String.join(", ", LessonSettings.augmentationFields()));
            return null;
        }
        var fields = LessonSettings.augmentationFields();
        boolean ok = true;
        boolean flip = false;
        var values = new LinkedHashMap<String, Double>();
        for (var entry : mapping(node, "set.augmentation", offset).entrySet()) {
            var key = entry.getKey();
            int at = line(entry.getValue(), offset);
            var field = "set.augmentation." + key;
            if (!fields.contains(key)) {
                problem(
                        at,
                        "set.augmentation: unknown field '" + key + "'" + Suggestions.didYouMean(key, fields)
                                + "; fields: " + String.join(", ", fields));
                ok = false;
                continue;
            }
            var value = scalar(entry.getValue(), field, offset);
            if (value == null) {
                ok = false;
            } else if (key.equals(LessonSettings.FLIP)) {
                if (!value.equals("true") && !value.equals("false")) {
                    problem(at, field + ": true or false, not '" + value + "'");
                    ok = false;
                }
                flip = value.equals("true");
            } else {
                double max = LessonSettings.AUGMENTATION_LIMITS.get(key);
                try {
                    double number = Double.parseDouble(value);
                    if (!(number >= 0 && number <= max)) {
                        problem(at, field + ": must be from 0 to " + show(max) + ", not " + value);
                        ok = false;
                    }
                    values.put(key, number);
                } catch (NumberFormatException e) {
                    problem(at, field + ": '" + value + "' is not a number");
                    ok = false;
                }
            }
        }
        return ok ? LessonSettings.augmentation(flip, values) : null;
    }

    private static String show(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private List<Step.Question> questions(Node node, int offset, int stepLine) {
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            problem(node == null ? stepLine : line(node, offset), "questions: a quiz needs a list of questions");
            return List.of();
        }
        var out = new ArrayList<Step.Question>();
        for (var item : sequence.getValue()) {
            int at = line(item, offset);
            var q = mapping(item, "question", offset);
            unknownFields(q, List.of("question", "multiple", "options"), offset);
            var text = text(q, "question", offset, true);
            boolean multiple = "true".equals(text(q, "multiple", offset, false));
            var options = new ArrayList<Step.Option>();
            if (!(q.get("options") instanceof SequenceNode list)
                    || list.getValue().size() < 2) {
                problem(
                        q.containsKey("options") ? line(q.get("options"), offset) : at,
                        "options: a question needs at least two options");
            } else {
                for (var optionNode : list.getValue()) {
                    var option = mapping(optionNode, "option", offset);
                    unknownFields(option, List.of("text", "correct", "feedback"), offset);
                    var optionText = text(option, "text", offset, true);
                    var correct = text(option, "correct", offset, false);
                    if (correct != null && !correct.equals("true") && !correct.equals("false")) {
                        problem(line(option.get("correct"), offset), "correct: true or false, not '" + correct + "'");
                    }
                    var feedback = text(option, "feedback", offset, true);
                    options.add(new Step.Option(optionText, "true".equals(correct), feedback));
                }
                long right = options.stream().filter(Step.Option::correct).count();
                if (right == 0) {
                    problem(at, "question '" + text + "' has no option marked correct: true");
                } else if (!multiple && right > 1) {
                    problem(
                            at,
                            "question '" + text + "' has " + right
                                    + " correct options; add multiple: true or keep one");
                }
            }
            out.add(new Step.Question(text, multiple, List.copyOf(options)));
        }
        return out;
    }

    /** A body split into the intro and one section per level-2 heading. */
    private record Sections(String intro, List<Section> sections) {}

    private record Section(String id, String title, String text, int line) {}

    private Sections sections(String body, int firstLine) {
        var lines = body.split("\n", -1);
        var intro = new StringBuilder();
        var sections = new ArrayList<Section>();
        String id = null;
        String title = null;
        int at = 0;
        var text = new StringBuilder();
        boolean fenced = false;
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i];
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            var m = fenced ? null : HEADING.matcher(line);
            if (m != null && m.matches()) {
                if (id != null) {
                    sections.add(new Section(id, title, text.toString().strip(), at));
                }
                text.setLength(0);
                at = firstLine + i;
                title = m.group(1);
                id = m.group(3);
                if (id == null || id.isBlank()) {
                    problem(at, "section '" + title + "' has no step id; end the heading with {#step-id}");
                    id = "";
                }
                continue;
            }
            (id == null ? intro : text).append(line).append('\n');
        }
        if (id != null) {
            sections.add(new Section(id, title, text.toString().strip(), at));
        }
        for (var s : sections) {
            if (s.text().isBlank()) {
                problem(s.line(), "section {#" + s.id() + "} is empty; tell the trainee what to do and why");
            }
        }
        return new Sections(
                intro.toString().strip(),
                sections.stream().filter(s -> !s.id().isEmpty()).toList());
    }

    // ---- YAML with line numbers

    private Node parse(String text, int offset) {
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            var node = new Yaml(options).compose(new java.io.StringReader(text));
            if (node == null) {
                problem(offset + 1, "empty: nothing to read");
                throw new Invalid();
            }
            return node;
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problem(mark == null ? 0 : mark.getLine() + 1 + offset, "not valid YAML: " + e.getProblem());
            throw new Invalid();
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            problem(0, "not valid YAML: " + e.getMessage());
            throw new Invalid();
        }
    }

    private Map<String, Node> mapping(Node node, String what, int offset) {
        if (!(node instanceof MappingNode mapping)) {
            problem(line(node, offset), what + ": expected fields (name: value)");
            throw new Invalid();
        }
        var out = new LinkedHashMap<String, Node>();
        for (var tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                out.put(key.getValue(), tuple.getValueNode());
            }
        }
        return out;
    }

    private void unknownFields(Map<String, Node> map, List<String> allowed, int offset) {
        for (var entry : map.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                problem(
                        line(entry.getValue(), offset),
                        "unknown field '" + entry.getKey() + "'"
                                + Suggestions.didYouMean(entry.getKey(), allowed)
                                + (allowed.isEmpty() ? "" : "; fields here: " + String.join(", ", allowed)));
            }
        }
    }

    private String text(Map<String, Node> map, String field, int offset, boolean required) {
        var node = map.get(field);
        if (node == null) {
            if (required) {
                problem(firstLine(map, offset), field + ": missing");
            }
            return null;
        }
        var value = scalar(node, field, offset);
        if (required && value != null && value.isBlank()) {
            problem(line(node, offset), field + ": must not be empty");
        }
        return value;
    }

    private String scalar(Node node, String field, int offset) {
        if (!(node instanceof ScalarNode scalar)) {
            problem(line(node, offset), field + ": expected a single value");
            return null;
        }
        return scalar.getValue();
    }

    private Number number(Map<String, Node> map, String field, int offset, boolean required) {
        var value = text(map, field, offset, required);
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                problem(line(map.get(field), offset), field + ": must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            problem(line(map.get(field), offset), field + ": '" + value + "' is not a whole number");
            return null;
        }
    }

    /** A limit on quiz attempts: a whole number of at least 1, or {@code otherwise} when the field is absent. */
    private int attempts(Map<String, Node> map, String field, int offset, int otherwise) {
        if (!map.containsKey(field)) {
            return otherwise;
        }
        var value = number(map, field, offset, false);
        if (value == null || value.intValue() < 0) {
            // number() has said what is wrong.
            return otherwise;
        }
        if (value.intValue() == 0) {
            problem(
                    line(map.get(field), offset),
                    field + ": at least 1 attempt, not " + value + "; leave the field out for unlimited attempts");
            return otherwise;
        }
        return value.intValue();
    }

    private List<String> texts(Map<String, Node> map, String field, int offset, boolean required) {
        var node = map.get(field);
        if (node == null) {
            if (required) {
                problem(firstLine(map, offset), field + ": missing");
            }
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem(line(node, offset), field + ": expected a list, e.g. [a, b] or one '- item' per line");
            return List.of();
        }
        var out = new ArrayList<String>();
        for (var item : sequence.getValue()) {
            var value = scalar(item, field, offset);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    private int firstLine(Map<String, Node> map, int offset) {
        return map.isEmpty() ? offset + 1 : line(map.values().iterator().next(), offset);
    }

    private static int line(Node node, int offset) {
        return node == null ? 0 : node.getStartMark().getLine() + 1 + offset;
    }

    private void problem(int line, String message) {
        problems.add(new CourseProblem(file, line, message));
    }

    private List<String> lessonFilesOnDisk() {
        try (var files = Files.list(folder.resolve("lessons"))) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problem(0, "cannot be read: " + e.getMessage());
            throw new Invalid();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
