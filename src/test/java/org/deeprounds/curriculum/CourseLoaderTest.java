package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.deeprounds.models.Augmentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every shipped course loads without a problem; fixture courses with each kind of error are named precisely. */
class CourseLoaderTest {

    static final CourseLoader.Catalog CATALOG = new CourseLoader.Catalog() {
        @Override
        public Set<String> datasets() {
            return Set.of(
                    "wdbc-breast-cancer",
                    "wisconsin-original-breast-cancer",
                    "pneumoniamnist-balanced",
                    "ecoli-promoters",
                    "synthetic-heart-cohort",
                    "synthetic-chest-films-shortcut",
                    "synthetic-chest-films-shifted",
                    "synthetic-ecg-beats",
                    "synthetic-watch-beats");
        }

        @Override
        public Set<String> templates() {
            return Set.copyOf(org.deeprounds.models.Templates.ALL.stream()
                    .map(org.deeprounds.models.Templates.Template::name)
                    .toList());
        }
    };

    static final String COURSE = """
            id: demo
            title: Demo
            audience: Testers
            prerequisites: []
            objectives: [Learn]
            estimatedMinutes: 10
            licence: CC BY 4.0
            authors: [Us]
            lessons:
              - 01-first.md
            """;

    static final String LESSON = """
            ---
            id: demo-first
            title: First
            minutes: 5
            steps:
              - id: intro
                kind: read
              - id: train
                kind: train
                dataset: pneumoniamnist-balanced
                template: imaging-cnn
                set: {epochs: 3}
                pass: validation.auc >= 0.8
              - id: check
                kind: quiz
                questions:
                  - question: Why?
                    options:
                      - text: Because
                        correct: true
                        feedback: Yes
                      - text: Not
                        feedback: No
            ---
            Intro text.

            ## Welcome {#intro}
            Read this.

            ## Train it {#train}
            Press train.

            ## Check {#check}
            Answer.
            """;

    @TempDir
    Path root;

    @Test
    void every_shipped_course_is_valid() throws IOException {
        var shipped = Path.of("curricula");
        List<Path> folders;
        try (Stream<Path> list = Files.list(shipped)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(folders)
                .extracting(p -> p.getFileName().toString())
                .contains("foundations", "medical-imaging", "genomics", "ehr-risk", "responsible-ai");
        for (var folder : folders) {
            var result = CourseLoader.load(folder, CATALOG);
            assertThat(result.problems()).as(folder.toString()).isEmpty();
            assertThat(result.course().lessons()).as(folder.toString()).isNotEmpty();
            for (var lesson : result.course().lessons()) {
                assertThat(lesson.checksum()).hasSize(64);
                assertThat(lesson.steps())
                        .allSatisfy(step -> assertThat(step.markdown()).isNotBlank());
            }
        }
    }

    @Test
    void a_valid_course_loads_with_steps_in_order_and_a_checksum() throws IOException {
        var result = load(COURSE, LESSON);
        assertThat(result.problems()).isEmpty();
        var lesson = result.course().lessons().getFirst();
        assertThat(lesson.steps()).extracting(Step::id).containsExactly("intro", "train", "check");
        assertThat(lesson.step("train").pass()).isEqualTo(new Criterion("validation.auc", ">=", "0.8"));
        assertThat(lesson.step("train").set()).containsEntry("epochs", 3L);
        assertThat(lesson.step("intro").title()).isEqualTo("Welcome");
        assertThat(lesson.intro()).isEqualTo("Intro text.");
        var edited = load(COURSE, LESSON.replace("Press train.", "Press train now."));
        assertThat(edited.course().lessons().getFirst().checksum()).isNotEqualTo(lesson.checksum());
    }

    @Test
    void a_misspelt_dataset_is_named_with_file_line_and_a_suggestion() throws IOException {
        var result =
                load(COURSE, LESSON.replace("dataset: pneumoniamnist-balanced", "dataset: pneumoniamnist-balnced"));
        assertThat(result.course()).isNull();
        assertThat(result.problems())
                .extracting(CourseProblem::toString)
                .containsExactly("lessons/01-first.md line 10: dataset 'pneumoniamnist-balnced' not found; did you mean"
                        + " 'pneumoniamnist-balanced'?");
    }

    @Test
    void each_kind_of_error_is_named_where_it_is() throws IOException {
        assertThat(problems(COURSE.replace("title: Demo\n", ""), LESSON))
                .containsExactly("course.yaml line 1: title: missing");
        assertThat(problems(COURSE.replace("id: demo", "id: other"), LESSON))
                .containsExactly("course.yaml line 1: id: 'other' must equal the folder name 'demo'");
        assertThat(problems(COURSE.replace("estimatedMinutes: 10", "estimatedMinutes: ten"), LESSON))
                .containsExactly("course.yaml line 6: estimatedMinutes: 'ten' is not a whole number");
        assertThat(problems(COURSE.replace("licence:", "license:"), LESSON))
                .contains("course.yaml line 7: unknown field 'license'; did you mean 'licence'?; fields here: id,"
                        + " title, audience, prerequisites, objectives, estimatedMinutes, licence, authors, lessons,"
                        + " quizAttempts");
        assertThat(problems(COURSE.replace("01-first.md", "01-frist.md"), LESSON))
                .containsExactly("course.yaml: lessons: 'lessons/01-frist.md' not found; did you mean '01-first.md'?");
        assertThat(problems(COURSE, LESSON.replace("kind: quiz", "kind: quizz")))
                .containsExactly("lessons/01-first.md line 15: kind: unknown step kind 'quizz'; did you mean 'quiz'?;"
                        + " kinds: read, explore, build, train, evaluate, reflect, quiz, reader-study");
        assertThat(problems(COURSE, LESSON.replace("template: imaging-cnn", "template: imaging")))
                .singleElement()
                .asString()
                .startsWith("lessons/01-first.md line 11: template 'imaging' not found");
        assertThat(problems(COURSE, LESSON.replace("pass: validation.auc >= 0.8", "pass: validation.acu >= 0.8")))
                .singleElement()
                .asString()
                .startsWith("lessons/01-first.md line 13: pass: unknown measure 'validation.acu'; did you mean"
                        + " 'validation.auc'?");
        assertThat(problems(COURSE, LESSON.replace("pass: validation.auc >= 0.8", "pass: test.auc >= 0.8")))
                .containsExactly("lessons/01-first.md line 13: pass: a train step cannot be judged on the test split;"
                        + " use validation measures, and test ones in an evaluate step");
        assertThat(problems(COURSE, LESSON.replace("Press train.", "Press train; it reached {{percent:train}}.")))
                .isEmpty();
        assertThat(problems(COURSE, LESSON.replace("Press train.", "It reached {{percent:trian}}.")))
                .containsExactly("lessons/01-first.md line 31: '{{percent:trian}}' quotes step 'trian', which this"
                        + " lesson does not have; did you mean 'train'?");
        assertThat(problems(COURSE, LESSON.replace("feedback: Yes", "feedback: Yes, {{accuracy}}")))
                .containsExactly("lessons/01-first.md line 21: '{{accuracy}}' is not a placeholder; write"
                        + " {{result:STEP}}, {{percent:STEP}}, or for an evaluate step {{threshold:STEP}}, {{tp:STEP}},"
                        + " {{fp:STEP}}, {{tn:STEP}} or {{fn:STEP}}");
        assertThat(problems(COURSE, LESSON.replace("set: {epochs: 3}", "set: {epochs: 3.5}")))
                .containsExactly("lessons/01-first.md line 12: set.epochs: must be a whole number, not 3.5");
        assertThat(problems(COURSE, LESSON.replaceFirst(" *correct: true\n", "")))
                .containsExactly("lessons/01-first.md line 17: question 'Why?' has no option marked correct: true");
        assertThat(problems(COURSE, LESSON.replace("## Train it {#train}", "## Train it")))
                .contains("lessons/01-first.md line 30: section 'Train it' has no step id; end the heading with"
                        + " {#step-id}");
        assertThat(problems(COURSE, LESSON.replace("## Check {#check}", "## Check {#chek}")))
                .containsExactly(
                        "lessons/01-first.md line 14: step 'check' has no section; add a heading '## Title {#check}'",
                        "lessons/01-first.md line 33: section {#chek} belongs to no step in the front matter");
        assertThat(problems(COURSE, LESSON.replace("title: First\n", "title: [First\n")))
                .singleElement()
                .asString()
                .startsWith("lessons/01-first.md line ");
        assertThat(problems(COURSE, LESSON.replaceFirst("---\n", "")))
                .containsExactly("lessons/01-first.md line 1: a lesson starts with YAML front matter between two '---'"
                        + " lines");
    }

    /** The lesson with an evaluate step after the train step, judged at the locked threshold. */
    static final String EVALUATED = LESSON.replace(
                    "  - id: check\n",
                    "  - id: judge\n    kind: evaluate\n    pass: validation.sensitivity >= 0.95\n    rubric:\n"
                            + "      - Names the use\n      - States the validation figures\n  - id: check\n")
            .replace(
                    "## Check {#check}",
                    "## Judge {#judge}\nLock it; you missed {{fn:judge}} at {{threshold:judge}}.\n\n## Check {#check}");

    @Test
    void evaluate_steps_grade_the_locked_threshold_and_may_carry_a_rubric() throws IOException {
        var result = load(COURSE, EVALUATED);
        assertThat(result.problems()).isEmpty();
        var judge = result.course().lessons().getFirst().step("judge");
        assertThat(judge.rubric()).containsExactly("Names the use", "States the validation figures");
        assertThat(judge.thresholdFrom()).isEqualTo("validation");
        assertThat(judge.asksForReasons()).isTrue();
        assertThat(judge.pass().atLockedThreshold()).isTrue();

        assertThat(problems(
                        COURSE, LESSON.replace("pass: validation.auc >= 0.8", "pass: validation.sensitivity >= 0.8")))
                .containsExactly("lessons/01-first.md line 13: pass: validation.sensitivity is measured at the"
                        + " threshold locked on the evaluation page, so only an evaluate step can use it");
        assertThat(problems(
                        COURSE,
                        EVALUATED.replace(
                                "pass: validation.sensitivity",
                                "thresholdFrom: tset\n    pass: validation.sensitivity")))
                .containsExactly("lessons/01-first.md line 16: thresholdFrom: 'validation' (the default) or 'any', not"
                        + " 'tset'");
        assertThat(problems(
                        COURSE,
                        EVALUATED.replace(
                                "      - States the validation figures\n",
                                "      - States the validation figures\n    minWords: 30\n")))
                .isEmpty();
        assertThat(problems(COURSE, LESSON.replace("Press train.", "You missed {{fn:train}}.")))
                .containsExactly("lessons/01-first.md line 31: '{{fn:train}}' quotes the locked threshold and test"
                        + " confusion matrix of an evaluate step, but step 'train' is a train step");
    }

    @Test
    void a_lesson_sets_image_augmentation_and_may_lock_it() throws IOException {
        var result = load(
                COURSE,
                LESSON.replace(
                        "set: {epochs: 3}",
                        "set: {epochs: 3, augmentation: {horizontalFlip: false, rotationDegrees: 10,"
                                + " shiftFraction: 0.1, brightness: 0.1, contrast: 0.1, noise: 0.02}}\n"
                                + "    locked: [augmentation]"));
        assertThat(result.problems()).isEmpty();
        var train = result.course().lessons().getFirst().step("train");
        assertThat(train.set())
                .containsEntry("epochs", 3L)
                .containsEntry("augmentation", new Augmentation(false, 10, 0.1, 0.1, 0.1, 0.02));
        assertThat(train.locked()).containsExactly("augmentation");
        var some = load(COURSE, LESSON.replace("set: {epochs: 3}", "set:\n      augmentation:\n        noise: 0.05"));
        assertThat(some.course().lessons().getFirst().step("train").set())
                .containsEntry("augmentation", new Augmentation(false, 0, 0, 0, 0, 0.05));
        assertThat(LessonSettings.describe("augmentation", new Augmentation(false, 10, 0.1, 0.1, 0.1, 0.02)))
                .isEqualTo("augmentation: no flips, rotation up to 10°, shift up to 10%, brightness ±0.1, contrast"
                        + " ±10%, noise 0.02");
    }

    @Test
    void a_wrong_augmentation_is_named_with_its_field_line_and_range() throws IOException {
        assertThat(problems(
                        COURSE,
                        LESSON.replace(
                                "set: {epochs: 3}",
                                "set:\n      epochs: 3\n      augmentation:\n        rotationDegrees: 10\n"
                                        + "        roationDegrees: 5")))
                .containsExactly(
                        "lessons/01-first.md line 16: set.augmentation: unknown field 'roationDegrees'; did you"
                                + " mean 'rotationDegrees'?; fields: horizontalFlip, rotationDegrees, shiftFraction,"
                                + " brightness, contrast, noise");
        assertThat(problems(
                        COURSE,
                        LESSON.replace(
                                "set: {epochs: 3}",
                                "set: {augmentation: {rotationDegrees: 45, shiftFraction: 0.25, brightness: 0.6,"
                                        + " contrast: -0.1, noise: 0.3, horizontalFlip: maybe}}")))
                .containsExactly(
                        "lessons/01-first.md line 12: set.augmentation.rotationDegrees: must be from 0 to 30, not 45",
                        "lessons/01-first.md line 12: set.augmentation.shiftFraction: must be from 0 to 0.2, not 0.25",
                        "lessons/01-first.md line 12: set.augmentation.brightness: must be from 0 to 0.5, not 0.6",
                        "lessons/01-first.md line 12: set.augmentation.contrast: must be from 0 to 0.5, not -0.1",
                        "lessons/01-first.md line 12: set.augmentation.noise: must be from 0 to 0.2, not 0.3",
                        "lessons/01-first.md line 12: set.augmentation.horizontalFlip: true or false, not 'maybe'");
        assertThat(problems(COURSE, LESSON.replace("set: {epochs: 3}", "set: {augmentation: strong}")))
                .containsExactly("lessons/01-first.md line 12: set.augmentation: expected fields, e.g."
                        + " {rotationDegrees: 10, shiftFraction: 0.1}; fields: horizontalFlip, rotationDegrees,"
                        + " shiftFraction, brightness, contrast, noise");
        assertThat(problems(
                        COURSE,
                        LESSON.replace("dataset: pneumoniamnist-balanced", "dataset: ecoli-promoters")
                                .replace("template: imaging-cnn", "template: genomics-cnn")
                                .replace("set: {epochs: 3}", "set: {augmentation: {noise: 0.02}}")))
                .containsExactly("lessons/01-first.md line 12: set.augmentation: augmentation changes images, but"
                        + " template 'genomics-cnn' reads genomics data");
    }

    private List<String> problems(String course, String lesson) throws IOException {
        return load(course, lesson).problems().stream()
                .map(CourseProblem::toString)
                .toList();
    }

    private CourseLoader.Result load(String course, String lesson) throws IOException {
        var folder = root.resolve("run-" + System.nanoTime()).resolve("demo");
        Files.createDirectories(folder.resolve("lessons"));
        Files.writeString(folder.resolve("course.yaml"), course);
        Files.writeString(folder.resolve("lessons/01-first.md"), lesson);
        return CourseLoader.load(folder, CATALOG);
    }
}
