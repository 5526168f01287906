package org.deeprounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeprounds.TestUsers;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.curriculum.CurriculumLibrary;
import org.deeprounds.curriculum.Lesson;
import org.deeprounds.curriculum.QuizOrder;
import org.deeprounds.curriculum.Step;
import org.deeprounds.curriculum.StepKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lessons as trainees meet them: on a 1366×768 laptop and a 390×844 phone, scrolled with the mouse wheel and clicked
 * with the mouse, one lesson of each step kind done to the end, and on every step the page fits the screen (no
 * sideways scrolling) with no control lying under another element.
 */
@EnabledIf("org.deeprounds.e2e.HeadlessChromium#installed")
class LessonBrowserTest extends BrowserTest {

    private static final AtomicInteger USERS = new AtomicInteger();

    @Autowired
    CurriculumLibrary library;

    @Autowired
    AccountService accounts;

    @Test
    void on_a_laptop_a_trainee_reads_explores_trains_and_answers_the_quiz_with_wheel_and_mouse() throws Exception {
        var lesson = library.course("foundations").lesson("foundations-first-network");
        var user = newTrainee();
        ScreenChecks.viewport(driver, ScreenChecks.LAPTOP);
        open(user, lesson);

        // Read: the wheel over the text reaches the button at the end of the text.
        checkScreen("lesson-laptop-read");
        clickInText("step-done");
        waitForResult("Done.");

        // Explore: the dataset is beside the text, as the app's own component, not a page in a frame.
        waitUpTo(60).until(d -> d.findElement(By.id("lesson-tool")).getText().contains("Licence"));
        assertThat(driver.findElements(By.cssSelector("#lesson-tool iframe"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#lesson-tool #main-nav")))
                .isEmpty();
        checkScreen("lesson-laptop-explore");
        clickInText("step-done");

        // Train: the builder beside the text shows the lesson's design; "Train this design" trains it.
        waitUpTo(60)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lesson-tool #model-summary")));
        checkScreen("lesson-laptop-train");
        clickInText("train-step");
        waitUpTo(180).until(d -> result().startsWith("✓ Run"));
        waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lesson-tool #run-status")));
        checkScreen("lesson-laptop-trained");
        ScreenChecks.assertFitsWidth(driver, "#lesson-tool", "lesson-laptop-trained");
        // The player stays on the passed step until the trainee moves on.
        assertThat(driver.findElement(By.id("step-content")).getText()).contains("Train it");
        clickInText("next-step");

        // Quiz: the question quotes the trainee's own result; a wrong answer keeps the choices and shows feedback.
        var quiz = lesson.steps().stream()
                .filter(s -> s.kind() == StepKind.QUIZ)
                .findFirst()
                .orElseThrow();
        waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("question-0")));
        assertThat(driver.findElement(By.id("question-text-1")).getText())
                .matches("(?s)2\\. Your run reached a validation accuracy of \\d+%\\. What does that mean\\?")
                .doesNotContain("{{");
        checkScreen("lesson-laptop-quiz");
        choose(user, lesson, quiz, 0, false);
        for (int q = 1; q < quiz.questions().size(); q++) {
            choose(user, lesson, quiz, q, true);
        }
        clickInText("check-quiz");
        waitForResult("right; read the feedback");
        assertThat(driver.findElement(By.id("question-feedback-0")).getText()).startsWith("✗");
        assertThat(driver.findElement(By.id("question-feedback-1")).getText()).startsWith("✓");
        assertThat(checkedCount())
                .as("choices kept after the check")
                .isEqualTo(quiz.questions().size());
        choose(user, lesson, quiz, 0, true);
        clickInText("check-quiz");
        waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("lesson-passed")));
        // The feedback of the passing attempt is there to read; the player did not jump away.
        assertThat(driver.findElement(By.id("question-feedback-0")).getText()).startsWith("✓");
        assertThat(checkedCount()).isEqualTo(quiz.questions().size());
        assertThat(driver.findElement(By.id("lesson-summary")).getText()).contains("4 of 4 steps passed");
        checkScreen("lesson-laptop-passed");

        // The same lesson on a phone: one column, nothing sideways, nothing covered.
        ScreenChecks.viewport(driver, ScreenChecks.PHONE);
        driver.navigate().refresh();
        waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("question-0")));
        checkScreen("lesson-phone-quiz");
    }

    @Test
    void the_ecg_lesson_shows_synthetic_beats_beside_the_text_and_trains_the_signal_network_on_a_laptop_and_a_phone()
            throws Exception {
        var lesson = library.course("wearables").lesson("wearables-normal-or-pvc");
        var user = newTrainee();
        ScreenChecks.viewport(driver, ScreenChecks.LAPTOP);
        open(user, "wearables", lesson);
        checkScreen("lesson-ecg-laptop-read");
        for (var step : lesson.steps()) {
            if (step.kind() != StepKind.READ) {
                break;
            }
            clickInText("step-done");
            waitForResult("Done.");
        }

        // Explore: the beats beside the text, labelled SYNTHETIC, drawn as traces split by record.
        waitUpTo(60)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lesson-tool #signal-preview")));
        assertThat(tool().getText()).contains("SYNTHETIC", "Split by record");
        assertThat(driver.findElements(By.cssSelector("#lesson-tool #signal-preview svg")))
                .isNotEmpty();
        checkScreen("lesson-ecg-laptop-explore");
        clickInText("step-done");

        // Train: the builder shows signal-cnn's design; the run trains to a checked result.
        waitUpTo(60)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lesson-tool #model-summary")));
        assertThat(driver.findElement(By.cssSelector("#lesson-tool #model-summary"))
                        .getText())
                .contains("1-D convolution width 7", "16 x 252");
        checkScreen("lesson-ecg-laptop-train");
        clickInText("train-step");
        waitUpTo(240).until(d -> result().startsWith("✓ Run"));
        assertThat(result()).contains("validation AUC");
        checkScreen("lesson-ecg-laptop-trained");

        ScreenChecks.viewport(driver, ScreenChecks.PHONE);
        driver.navigate().refresh();
        waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("lesson-text")));
        checkScreen("lesson-ecg-phone");
        // A displayed formula wider than the phone scrolls inside itself; the lesson keeps the screen's width.
        ScreenChecks.assertFitsWidth(driver, ".dr-lesson", "lesson-ecg-phone");
    }

    @Test
    void on_a_phone_the_builder_keeps_the_trainees_design_until_it_is_trained_exactly_as_shown() throws Exception {
        var lesson = library.course("foundations").lesson("foundations-neurons-layers");
        var user = newTrainee();
        ScreenChecks.viewport(driver, ScreenChecks.PHONE);
        open(user, lesson);
        checkScreen("lesson-phone-read");
        for (var step : lesson.steps()) {
            if (step.kind() != StepKind.READ) {
                break;
            }
            clickInText("step-done");
            waitForResult("Done.");
        }
        var build = lesson.steps().stream()
                .filter(s -> s.kind() == StepKind.BUILD)
                .findFirst()
                .orElseThrow();
        var epochs = waitUpTo(60)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lesson-tool #epochs")));
        checkScreen("lesson-phone-build");
        var input = epochs.findElement(By.cssSelector("input"));
        ScreenChecks.wheelAndClick(driver, root(), input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3", Keys.TAB);

        // Checking before any run exists must not reload the builder.
        clickInText("step-action-check-my-latest-run");
        waitForResult("No run yet");
        assertThat(epochsValue()).isEqualTo("3");

        clickInText("train-step");
        waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lesson-tool #run-status")));
        waitUpTo(60).until(d -> d.findElement(By.id("run-status")).getText().contains("of 3"));
        checkScreen("lesson-phone-build-run");
        ScreenChecks.assertFitsWidth(driver, "#lesson-tool", "lesson-phone-build-run");
        var back = driver.findElement(By.id("back-to-design"));
        ScreenChecks.wheelAndClick(driver, root(), back);
        waitUpTo(30).until(d -> "3".equals(epochsValue()));

        // Reflection: type and save, on the phone.
        clickIn(true, "step-" + lastOfKind(lesson, StepKind.REFLECT).id());
        var reflection = waitUpTo(30)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#reflection textarea")));
        checkScreen("lesson-phone-reflect");
        ScreenChecks.wheelAndClick(driver, root(), reflection);
        reflection.sendKeys(("A weighted sum of the inputs plus a bias, passed through an activation, is one neuron;"
                + " stacking layers of them lets the network combine simple features into complex ones,"
                + " much as a clinician combines findings into a diagnosis, and each weight is learned from"
                + " the labelled cases rather than written by hand."));
        clickInText("step-action-save");
        waitUpTo(30).until(d -> !result().isBlank());
        assertThat(result()).doesNotContain("at least");
        assertThat(driver.findElement(By.id(
                                "step-" + lastOfKind(lesson, StepKind.REFLECT).id()))
                        .getText())
                .startsWith("✓");
    }

    @Test
    void an_evaluate_step_judges_the_threshold_locked_on_the_validation_split_beside_the_text() throws Exception {
        var lesson = library.course("foundations").lesson("foundations-judging-a-model");
        var user = newTrainee();
        ScreenChecks.viewport(driver, ScreenChecks.LAPTOP);
        open(user, lesson);
        clickInText("step-done");
        waitForResult("Done.");
        waitUpTo(60)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lesson-tool #model-summary")));
        clickInText("train-step");
        waitUpTo(240).until(d -> result().startsWith("✓ Run") || result().startsWith("✗ Run"));
        clickInText("next-step");
        waitUpTo(120).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lesson-tool #metrics")));
        checkScreen("lesson-laptop-evaluate");
        // Before a lock the check asks for one; the evaluation beside the text shows the validation split.
        assertThat(driver.findElement(By.id("step-lock")).getText()).contains("Lock this threshold");
        assertThat(driver.findElements(By.cssSelector("#lesson-tool #misclassified")))
                .isEmpty();
        clickInText("step-action-check");
        waitUpTo(60).until(d -> result().contains("Lock a threshold"));
        // The threshold chosen on the slider and locked is the one the step judges.
        var slider = driver.findElement(By.cssSelector("#lesson-tool #threshold"));
        ScreenChecks.wheelTo(driver, tool(), slider);
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].value = '0.3'; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                        slider);
        waitUpTo(30)
                .until(d -> d.findElement(By.cssSelector("#lesson-tool #threshold-value"))
                        .getText()
                        .equals("0.30"));
        ScreenChecks.wheelAndClick(driver, tool(), driver.findElement(By.cssSelector("#lesson-tool #lock-threshold")));
        waitUpTo(60)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lesson-tool #threshold-lock")));
        assertThat(driver.findElement(By.cssSelector("#lesson-tool #threshold-lock"))
                        .getText())
                .contains("Threshold 0.30 was chosen on the validation split");
        waitUpTo(30).until(d -> d.findElement(By.id("step-lock")).getText().contains("0.30, chosen on the validation"));
        var reasons = driver.findElements(By.cssSelector("#threshold-reasons textarea"));
        if (!reasons.isEmpty()) {
            ScreenChecks.wheelAndClick(driver, text(), reasons.getFirst());
            reasons.getFirst()
                    .sendKeys("A low threshold because this use is to rule out malignancy before a biopsy is skipped;"
                            + " a missed cancer costs far more than an extra biopsy, and the validation sensitivity"
                            + " at this threshold is the figure I relied on when I locked it.");
        }
        var before = result();
        clickInText("step-action-check");
        waitUpTo(60).until(d -> !result().equals(before));
        assertThat(result()).contains("threshold 0.300 (chosen on the validation split)");
        HeadlessChromium.screenshot(driver, "lesson-laptop-evaluated");
    }

    /** Fits the screen and covers nothing; a screenshot for a person to look at. */
    private void checkScreen(String name) throws Exception {
        ScreenChecks.assertNoHorizontalOverflow(driver, name);
        ScreenChecks.assertNothingCovered(driver, "body", name);
        HeadlessChromium.screenshot(driver, name);
    }

    private String newTrainee() {
        var name = "lesson-trainee-" + USERS.incrementAndGet();
        var own = TestUsers.newAccount(accounts, name, "TRAINEE", true);
        signInToHome(own.username(), own.password());
        return own.username();
    }

    private void open(String user, Lesson lesson) {
        open(user, "foundations", lesson);
    }

    private void open(String user, String course, Lesson lesson) {
        driver.get(url("/lesson/" + course + "/" + lesson.id()));
        waitUpTo(60).until(d -> d.findElement(By.id("lesson-title")).getText().equals(lesson.title()));
    }

    private WebElement root() {
        return driver.findElement(By.className("dr-lesson"));
    }

    private WebElement text() {
        return driver.findElement(By.id("lesson-text"));
    }

    private WebElement tool() {
        return driver.findElement(By.id("lesson-tool"));
    }

    /** Scrolls the lesson text with the wheel until the control is on screen, then clicks it with the mouse. */
    private void clickInText(String id) {
        clickIn(false, id);
    }

    /** As {@link #clickInText}, turning the wheel over the whole lesson when asked; again if it re-rendered. */
    private void clickIn(boolean overLesson, String id) {
        waitUpTo(60).ignoring(StaleElementReferenceException.class).until(d -> {
            var target = d.findElement(By.id(id));
            if (!target.isEnabled()) {
                return false;
            }
            ScreenChecks.wheelAndClick(d, overLesson ? root() : text(), target);
            return true;
        });
    }

    /** Picks the right (or a wrong) option of a question, found where this trainee's shuffled order puts it. */
    private void choose(String user, Lesson lesson, Step quiz, int question, boolean right) {
        var options = quiz.questions().get(question).options();
        int wanted = -1;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).correct() == right) {
                wanted = i;
                break;
            }
        }
        List<Integer> order = QuizOrder.of(user, lesson.id(), quiz.id(), question, options.size());
        int shownAt = order.indexOf(wanted);
        var buttons = driver.findElements(By.cssSelector("#question-" + question + " vaadin-radio-button"));
        var button = buttons.get(shownAt);
        assertThat(button.getText().strip()).doesNotContain("{{");
        ScreenChecks.wheelAndClick(driver, text(), button);
        new Actions(driver).pause(java.time.Duration.ofMillis(100)).perform();
    }

    private long checkedCount() {
        return driver.findElements(By.cssSelector("#quiz vaadin-radio-button[checked]"))
                .size();
    }

    private String result() {
        return driver.findElement(By.id("step-result")).getText();
    }

    private void waitForResult(String text) {
        waitUpTo(60).ignoring(StaleElementReferenceException.class).until(d -> result().contains(text));
    }

    private String epochsValue() {
        return driver.findElement(By.cssSelector("#lesson-tool #epochs input")).getDomProperty("value");
    }

    private static Step lastOfKind(Lesson lesson, StepKind kind) {
        return lesson.steps().stream()
                .filter(s -> s.kind() == kind)
                .reduce((a, b) -> b)
                .orElseThrow();
    }
}
