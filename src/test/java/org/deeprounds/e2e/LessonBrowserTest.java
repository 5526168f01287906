package org.deeprounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeprounds.curriculum.CurriculumLibrary;
import org.deeprounds.curriculum.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A trainee does the first lesson of the foundations course in the browser, from its first step to "passed" (with a
 * real training run), and the instructor's dashboard shows the lesson passed.
 */
@EnabledIf("org.deeprounds.e2e.HeadlessChromium#installed")
class LessonBrowserTest extends BrowserTest {

    @Autowired
    CurriculumLibrary library;

    @Test
    void a_trainee_passes_the_first_lesson_and_the_instructor_sees_it() throws Exception {
        var lesson = library.course("foundations").lessons().getFirst();
        var wait = waitUpTo(120);
        signInToHome("trainee2", "Learn-Rounds-2026b");
        driver.get(url("/courses"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("open-" + lesson.id())))
                .click();
        wait.until(d -> d.findElement(By.id("lesson-title")).getText().equals(lesson.title()));

        // Read, then explore (the dataset opens beside the lesson).
        click("step-done");
        wait.until(d -> d.findElement(By.id("step-result")).getText().equals("Done."));
        wait.until(d -> !d.findElements(By.cssSelector("#lesson-tool iframe")).isEmpty());
        click("step-done");
        // Train with the lesson's settings: the app checks the run as soon as it finishes.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("train-step")));
        click("train-step");
        wait.until(d -> d.findElement(By.id("step-result")).getText().startsWith("✓ Run"));
        HeadlessChromium.screenshot(driver, "lesson-trained");

        // The quiz: a wrong answer gets feedback, the right ones pass the lesson.
        var quiz = lesson.steps().stream()
                .filter(s -> s.questions() != null && !s.questions().isEmpty())
                .findFirst()
                .orElseThrow();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("question-0")));
        for (int q = 0; q < quiz.questions().size(); q++) {
            var options = quiz.questions().get(q).options();
            choose(
                    q,
                    options.stream()
                            .filter(o -> !o.correct())
                            .findFirst()
                            .orElseThrow()
                            .text());
        }
        click("check-quiz");
        wait.until(d -> d.findElement(By.id("step-result")).getText().contains("right; read the feedback"));
        assertThat(driver.findElement(By.id("quiz-feedback")).getText()).contains("✗");
        for (int q = 0; q < quiz.questions().size(); q++) {
            choose(
                    q,
                    quiz.questions().get(q).options().stream()
                            .filter(Step.Option::correct)
                            .findFirst()
                            .orElseThrow()
                            .text());
        }
        click("check-quiz");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lesson-passed")));
        assertThat(driver.findElement(By.id("lesson-steps")).getText()).contains("4 of 4 steps passed");
        HeadlessChromium.screenshot(driver, "lesson-passed");

        // The instructor assigns the course and sees the lesson passed in the grid.
        signInToHome("instructor", "Teach-Rounds-2026");
        driver.get(url("/teaching"));
        var cohort = waitUpTo(60)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#teaching-cohort input")));
        cohort.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Demo cohort");
        waitUpTo(30)
                .until(d ->
                        !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
        cohort.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        var course = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#assign-course input")));
        course.sendKeys("Deep learning foundations");
        wait.until(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
        course.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        click("assign");
        HeadlessChromium.screenshot(driver, "teaching-assigned");
        wait.until(d -> d.findElement(By.id("progress-grid")).getText().contains("trainee2"));
        wait.until(d -> d.findElement(By.id("progress-grid")).getText().contains("✓ passed"));
        assertThat(driver.findElement(By.id("grades-csv")).getDomAttribute("href"))
                .endsWith("/progress.csv");
        HeadlessChromium.screenshot(driver, "teaching");
    }

    private void click(String id) {
        var element = waitUpTo(60)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(By.id(id)));
        // The lesson scrolls inside a split layout: a script click reaches the button wherever it is scrolled to.
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private void choose(int question, String text) {
        waitUpTo(30)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    var radio =
                            d.findElements(By.cssSelector("#question-" + question + " vaadin-radio-button")).stream()
                                    .filter(r -> r.getText().strip().equals(text))
                                    .findFirst()
                                    .orElse(null);
                    if (radio == null) {
                        return false;
                    }
                    ((JavascriptExecutor) d)
                            .executeScript(
                                    "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", radio);
                    return true;
                });
    }
}
