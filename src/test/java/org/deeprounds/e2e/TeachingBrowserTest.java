package org.deeprounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deeprounds.TestUsers.as;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.CohortService;
import org.deeprounds.curriculum.Course;
import org.deeprounds.curriculum.CurriculumLibrary;
import org.deeprounds.curriculum.ProgressService;
import org.deeprounds.curriculum.TeachingFixtures;
import org.deeprounds.curriculum.TeachingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An instructor's Teaching page on a laptop and a phone: a cohort with nothing says why; a cohort whose trainees
 * worked in a course nobody assigned shows that course and its progress, with the trainee column frozen while the
 * lessons scroll inside the grid's own box, first-attempt quiz scores, and saved comments shown back. Progress is
 * made through the services, not by clicking through lessons, to keep the test fast.
 */
@EnabledIf("org.deeprounds.e2e.HeadlessChromium#installed")
class TeachingBrowserTest extends BrowserTest {

    static final String COURSE = "ward-rounds";
    static final int TRAINEES = 12;

    @Autowired
    CurriculumLibrary library;

    @Autowired
    ProgressService progress;

    @Autowired
    TeachingService teaching;

    @Autowired
    AccountService accounts;

    @Autowired
    CohortService cohorts;

    @Test
    void an_instructor_sees_every_course_their_trainees_worked_in_on_a_laptop_and_a_phone() throws Exception {
        var course = wardRounds();
        var password = TeachingFixtures.instructor(accounts, "teaching-e2e", "Dr. Tess Teacher");
        TeachingFixtures.trainee(accounts, "e2e-quiet", "Quinn Quiet", null);
        TeachingFixtures.cohort(cohorts, "E2E a quiet cohort", "teaching-e2e", List.of("e2e-quiet"));
        var names = new ArrayList<String>();
        for (int i = 1; i <= TRAINEES; i++) {
            var username = "e2e-t%02d".formatted(i);
            TeachingFixtures.trainee(accounts, username, "Trainee %02d Longsurname-Hyphenated".formatted(i), null);
            names.add(username);
        }
        var cohort = TeachingFixtures.cohort(cohorts, "E2E ward cohort", "teaching-e2e", names);
        as("teaching-e2e", "INSTRUCTOR", () -> {
            teaching.assign(cohort.id(), "foundations", LocalDate.of(2027, 1, 31));
            return null;
        });
        // The first trainee passes three lessons of the course nobody assigned, half right at each first attempt.
        for (int l = 0; l < 3; l++) {
            pass("e2e-t01", course, l);
        }
        // Five more start it; the second one's reflection gets a comment.
        for (int t = 2; t <= 6; t++) {
            var who = "e2e-t%02d".formatted(t);
            as(
                    who,
                    "TRAINEE",
                    () -> progress.done(COURSE, course.lessons().getFirst().id(), "why"));
        }
        as(
                "e2e-t02",
                "TRAINEE",
                () -> progress.reflect(
                        COURSE, course.lessons().getFirst().id(), "reflect", "I would check sensitivity first."));
        var submission = as("teaching-e2e", "INSTRUCTOR", () -> teaching.submissions(cohort.id(), COURSE)).stream()
                .filter(s -> s.username().equals("e2e-t02"))
                .findFirst()
                .orElseThrow();
        as("teaching-e2e", "INSTRUCTOR", () -> {
            teaching.comment(cohort.id(), submission.stepProgressId(), "Good; now say what you would do at 0.8.");
            return null;
        });

        ScreenChecks.viewport(driver, ScreenChecks.LAPTOP);
        signInToHome("teaching-e2e", password);
        driver.get(url("/teaching"));
        // The grid and lists are redrawn as the instructor chooses; a wait looks again at a redrawn element.
        var wait = waitUpTo(60);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);

        // The quiet cohort comes first, and says in words why there is nothing to show.
        var empty = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("teaching-empty")));
        assertThat(empty.getText())
                .contains("no course is assigned to this cohort")
                .contains("its only trainee has not started a lesson of any course");
        checkScreen("teaching-empty-laptop");

        choose("teaching-cohort", "E2E ward cohort");
        var list = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("teaching-courses")));
        wait.until(d -> d.findElement(By.id("teaching-courses")).getText().contains("Ward rounds"));
        assertThat(list.getText())
                .contains("Deep learning foundations for clinicians — assigned, due 2027-01-31")
                .contains("Ward rounds: reading a model like a diagnostic test — not assigned, worked in by 6"
                        + " trainees");
        choose("teaching-course", "Ward rounds");
        wait.until(d -> d.findElement(By.id("progress-grid")).getText().contains("✓ passed"));
        assertThat(driver.findElement(By.id("course-standing")).getText())
                .startsWith("Not assigned to E2E ward cohort; 6 trainees have worked in it on their own.");
        assertThat(driver.findElement(By.id("progress-grid")).getText())
                .contains("quiz 50% first try, 2 of 3 attempts")
                .contains("Trainee 01 Longsurname-Hyphenated (e2e-t01)");
        assertThat(driver.findElement(By.id("comment-" + submission.stepProgressId()))
                        .getText())
                .isEqualTo("Saved comment by teaching-e2e, shown to the trainee: Good; now say what you would do at"
                        + " 0.8.");
        checkGrid("laptop");
        checkScreen("teaching-laptop");
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById('course-standing').scrollIntoView({block: 'start'});");
        HeadlessChromium.screenshot(driver, "teaching-laptop-grid");

        // A new comment typed in the page is shown back at once and after the page is opened again.
        var area = driver.findElement(By.id("teaching"));
        var box = driver.findElements(By.cssSelector(".submission")).stream()
                .filter(b -> b.getText().contains("e2e-t02"))
                .findFirst()
                .orElseThrow();
        var textarea = box.findElement(By.cssSelector("vaadin-text-area textarea"));
        ScreenChecks.wheelTo(driver, area, textarea);
        textarea.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Clear and clinical; add one example from your ward.");
        var save = box.findElements(By.tagName("vaadin-button")).stream()
                .filter(b -> b.getText().equals("Save comment"))
                .findFirst()
                .orElseThrow();
        ScreenChecks.wheelAndClick(driver, area, save);
        wait.until(d -> d.findElement(By.id("comment-" + submission.stepProgressId()))
                .getText()
                .endsWith("Clear and clinical; add one example from your ward."));
        HeadlessChromium.screenshot(driver, "teaching-laptop-comment");

        // The reflection is scored on its rubric, criterion by criterion, and the score is shown back.
        var rubric = driver.findElement(By.id("rubric-" + submission.stepProgressId()));
        var first = rubric.findElements(By.tagName("vaadin-checkbox")).getFirst();
        ScreenChecks.wheelAndClick(driver, area, first);
        ScreenChecks.wheelAndClick(
                driver, area, driver.findElement(By.id("save-rubric-" + submission.stepProgressId())));
        wait.until(d -> d.findElement(By.id("rubric-" + submission.stepProgressId()))
                .getText()
                .contains("Scored 1 of 2; the grades CSV has it."));
        HeadlessChromium.screenshot(driver, "teaching-laptop-rubric");
        driver.navigate().refresh();
        choose("teaching-cohort", "E2E ward cohort");
        choose("teaching-course", "Ward rounds");
        wait.until(d -> d.findElement(By.id("comment-" + submission.stepProgressId()))
                .getText()
                .equals("Saved comment by teaching-e2e, shown to the trainee: Clear and clinical; add one example"
                        + " from your ward."));

        // A phone: one column, nothing sideways but the grid, whose names stay while the lessons scroll.
        ScreenChecks.viewport(driver, ScreenChecks.PHONE);
        wait.until(d -> d.findElement(By.id("progress-grid")).getText().contains("✓ passed"));
        checkGrid("phone");
        checkScreen("teaching-phone");
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById('progress-grid').scrollIntoView({block: 'start'});");
        HeadlessChromium.screenshot(driver, "teaching-phone-grid-scrolled");

        // The grades file lists the course nobody assigned, with its quiz scores.
        var csv = as("teaching-e2e", "INSTRUCTOR", () -> teaching.csv(cohort.id()));
        assertThat(csv.lines().filter(l -> l.startsWith("e2e-t01,")).findFirst().orElseThrow())
                .contains(",yes,50,2,,");
    }

    /** Five lessons with long titles, so the grid is wider than a laptop. */
    private Course wardRounds() {
        var lessons = new ArrayList<String>();
        var titles = List.of(
                "Sensitivity and specificity at the bedside",
                "Predictive values change with prevalence",
                "ROC curves and choosing a threshold",
                "Calibration: when 30% should mean 30%",
                "Reading a model card before you trust it");
        for (int i = 0; i < titles.size(); i++) {
            lessons.add(TeachingFixtures.lesson("ward-rounds-%d".formatted(i + 1), titles.get(i), null)
                    .replace(
                            "    minWords: 3\n",
                            "    minWords: 3\n    rubric:\n      - Names a clinical setting\n"
                                    + "      - Says which figure they would check first and why\n"));
        }
        return TeachingFixtures.course(
                library, COURSE, "Ward rounds: reading a model like a diagnostic test", "quizAttempts: 3", lessons);
    }

    /** A trainee passes lesson {@code index}: the quiz half right first, then right. */
    private void pass(String who, Course course, int index) {
        var lesson = course.lessons().get(index);
        var quiz = lesson.step("check");
        as(who, "TRAINEE", () -> {
            progress.done(COURSE, lesson.id(), "why");
            progress.answer(COURSE, lesson.id(), "check", TeachingFixtures.firstRightOnly(quiz));
            progress.answer(COURSE, lesson.id(), "check", TeachingFixtures.correct(quiz));
            return progress.reflect(COURSE, lesson.id(), "reflect", "Sensitivity first, then predictive values.");
        });
    }

    /** No sideways page, nothing covered, and a picture for a person to look at. */
    private void checkScreen(String name) throws Exception {
        ScreenChecks.assertNoHorizontalOverflow(driver, name);
        ScreenChecks.assertNothingCovered(driver, "body", name);
        // The page scrolls inside the app layout, not the window.
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById('teaching').scrollIntoView({block: 'start'});");
        HeadlessChromium.screenshot(driver, name);
    }

    /**
     * The grid is inside the page's width, scrolls inside its own box both ways (twelve trainees, five lessons), and
     * its trainee column stays on screen while the lessons scroll sideways.
     */
    private void checkGrid(String screen) {
        var js = (JavascriptExecutor) driver;
        @SuppressWarnings("unchecked")
        var facts = (Map<String, Object>) js.executeScript("""
                const grid = document.getElementById('progress-grid');
                const table = grid.shadowRoot.querySelector('#table');
                const name = [...grid.querySelectorAll('vaadin-grid-cell-content')]
                    .find(c => c.textContent.includes('(e2e-t01)'));
                const before = name.getBoundingClientRect().left;
                table.scrollLeft = table.scrollWidth;
                const frozen = grid.querySelector('vaadin-grid-column').frozen;
                return new Promise(resolve => requestAnimationFrame(() => {
                  const after = name.getBoundingClientRect().left;
                  const g = grid.getBoundingClientRect();
                  const out = {frozen, before, after, sideways: table.scrollLeft,
                      wide: table.scrollWidth > table.clientWidth, tall: table.scrollHeight > table.clientHeight,
                      gridRight: g.right, viewport: document.documentElement.clientWidth};
                  table.scrollLeft = 0;
                  resolve(out);
                }));
                """);
        assertThat(facts.get("frozen"))
                .as(screen + ": the trainee column is frozen")
                .isEqualTo(true);
        assertThat(facts.get("wide"))
                .as(screen + ": the lessons scroll sideways inside the grid")
                .isEqualTo(true);
        assertThat(facts.get("tall"))
                .as(screen + ": twelve trainees scroll inside the grid")
                .isEqualTo(true);
        assertThat(((Number) facts.get("sideways")).doubleValue())
                .as(screen + ": the grid scrolled")
                .isPositive();
        assertThat(((Number) facts.get("after")).doubleValue())
                .as(screen + ": the trainee's name stays where it was while the lessons scroll")
                .isEqualTo(((Number) facts.get("before")).doubleValue());
        assertThat(((Number) facts.get("gridRight")).doubleValue())
                .as(screen + ": the grid ends inside the viewport")
                .isLessThanOrEqualTo(((Number) facts.get("viewport")).doubleValue() + 1);
    }

    /** Picks the item starting with {@code text} in a combo box, by typing as a person would. */
    private void choose(String comboId, String text) {
        var input = waitUpTo(60)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + comboId + " input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
        waitUpTo(30)
                .until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                        .anyMatch(i -> i.getText().startsWith(text)));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        waitUpTo(30).until(d -> {
            var value = (String) ((JavascriptExecutor) d)
                    .executeScript("return document.getElementById(arguments[0]).inputElement.value;", comboId);
            return value != null && value.startsWith(text);
        });
    }
}
