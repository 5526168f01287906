package org.deeprounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.deeprounds.curriculum.CurriculumLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An instructor writes a lesson in the browser on a laptop and reads one on a phone: the editor, its problems and
 * the preview fit the screen without covering each other, the preview is the lesson as trainees see it (headings
 * without their {@code {#id}}, formulas drawn), the page never names the server's folders, and a broken edit is
 * refused until it is fixed. The tests write only to the test context's own copy of the curricula.
 */
@EnabledIf("org.deeprounds.e2e.HeadlessChromium#installed")
class AuthoringBrowserTest extends BrowserTest {

    private static final String COURSE = "browser-authoring";
    private static final String LESSON = "lessons/01-introduction.md";
    private static final double MIN_PREVIEW_SHARE = 0.6;
    private static final Dimension WIDE = new Dimension(1920, 1080);
    private static final Duration DIALOG_FADE = Duration.ofMillis(600);

    @Autowired
    CurriculumLibrary library;

    @Test
    void on_a_laptop_a_broken_edit_is_shown_with_its_line_refused_and_saved_once_fixed() throws Exception {
        ScreenChecks.viewport(driver, ScreenChecks.LAPTOP);
        signInToHome("instructor", "Teach-Rounds-2026");
        driver.get(url("/authoring"));

        // A new course from the template, through the page's own dialog.
        clickById("authoring-new-course");
        type("#new-course-id input", COURSE);
        type("#new-course-title input", "Authoring in the browser");
        clickById("create-course");
        waitForEditor("Why it matters");
        var onDisk = library.dir().resolve(COURSE).resolve(LESSON);
        var original = Files.readString(onDisk, StandardCharsets.UTF_8);

        HeadlessChromium.screenshot(driver, "authoring-laptop-open");
        assertThat(preview().findElement(By.cssSelector("h2#why")).getText()).isEqualTo("Why it matters");
        assertThat(preview().getText()).doesNotContain("{#");
        assertNoServerFolder();
        var share = (Number) js("return arguments[0].getBoundingClientRect().height / window.innerHeight;", preview());
        assertThat(share.doubleValue())
                .as("the preview's share of the screen's height")
                .isGreaterThanOrEqualTo(MIN_PREVIEW_SHARE);
        checkScreen("authoring-laptop");

        // An error typed at the end: a section for a step the front matter does not declare.
        int headingLine = (int) original.lines().count() + 3;
        new Actions(driver)
                .moveToElement(driver.findElement(By.cssSelector("#authoring-editor .CodeMirror-scroll")))
                .click()
                .keyDown(Keys.CONTROL)
                .sendKeys(Keys.END)
                .keyUp(Keys.CONTROL)
                .sendKeys(Keys.ENTER, Keys.ENTER, "## Extra {#nowhere}", Keys.ENTER, "A closing sentence.")
                .perform();
        waitUpTo(30).until(d -> problemsText().contains("{#nowhere}"));
        assertThat(problemsText()).contains("section {#nowhere} belongs to no step in the front matter");
        var line = driver.findElement(By.cssSelector("#authoring-problems vaadin-button"));
        assertThat(line.getText()).as("the problem's place").isEqualTo(LESSON + " line " + headingLine);
        assertThat(preview().getText()).contains("Extra").doesNotContain("{#");
        HeadlessChromium.screenshot(driver, "authoring-laptop-problem");

        clickById("authoring-save");
        waitForNotification("Not saved");
        assertThat(Files.readString(onDisk, StandardCharsets.UTF_8))
                .as("a refused save leaves the file as it was")
                .isEqualTo(original);

        // The problem's line (listed again by the refused save) puts the cursor there; the heading is removed and the
        // sentence kept.
        line = driver.findElement(By.cssSelector("#authoring-problems vaadin-button"));
        assertThat(line.getText()).isEqualTo(LESSON + " line " + headingLine);
        ScreenChecks.wheelAndClick(driver, driver.findElement(By.id("authoring-problems")), line);
        HeadlessChromium.screenshot(driver, "authoring-laptop-go-to-line");
        waitUpTo(10)
                .until(d -> ((Number) js("return arguments[0]._drCm.getCursor().line + 1;", editor())).intValue()
                        == headingLine);
        new Actions(driver)
                .sendKeys(Keys.HOME)
                .keyDown(Keys.SHIFT)
                .sendKeys(Keys.END)
                .keyUp(Keys.SHIFT)
                .sendKeys(Keys.DELETE)
                .perform();
        waitUpTo(30).until(d -> problemsText().equals("No problems."));
        clickById("authoring-save");
        waitForNotification("Saved " + LESSON);
        assertThat(Files.readString(onDisk, StandardCharsets.UTF_8))
                .endsWith("\n\n\nA closing sentence.")
                .doesNotContain("nowhere");
        assertThat(library.course(COURSE).lessons().getFirst().step("reflect").markdown())
                .endsWith("A closing sentence.");
        HeadlessChromium.screenshot(driver, "authoring-laptop-saved");

        // A second lesson from the template, through the page's dialog, opens in the editor.
        clickById("authoring-add-lesson");
        type("#new-lesson-file input", "02-more");
        type("#new-lesson-title input", "More");
        clickById("add-lesson");
        waitUpTo(30).until(d -> editorText().contains("id: browser-authoring-more"));
        assertThat(library.course(COURSE).lessons()).hasSize(2);

        // A large screen gives the same layout more room.
        ScreenChecks.viewport(driver, WIDE);
        driver.navigate().refresh();
        choose("authoring-course", COURSE);
        waitForEditor("A closing sentence.");
        checkScreen("authoring-wide");
    }

    @Test
    void on_a_phone_the_editor_problems_and_preview_stack_in_one_column_with_formulas_drawn() throws Exception {
        ScreenChecks.viewport(driver, ScreenChecks.PHONE);
        signInToHome("instructor", "Teach-Rounds-2026");
        driver.get(url("/authoring"));
        choose("authoring-course", "foundations");
        choose("authoring-file", "02-neurons");
        waitForEditor("A neuron with inputs");
        HeadlessChromium.screenshot(driver, "authoring-phone-open");
        waitUpTo(30)
                .until(d -> !preview().findElements(By.cssSelector(".katex")).isEmpty());
        assertThat(preview().getText()).doesNotContain("{#", "$$");
        assertNoServerFolder();

        var editorBox = box(editor());
        var problemsBox = box(driver.findElement(By.id("authoring-problems")));
        var previewBox = box(preview());
        assertThat(problemsBox[0]).as("problems under the editor").isGreaterThanOrEqualTo(editorBox[1] - 1);
        assertThat(previewBox[0]).as("preview under the problems").isGreaterThanOrEqualTo(problemsBox[1] - 1);
        checkScreen("authoring-phone");

        // The preview's formulas and its end are reached with the wheel, as a person scrolls the page.
        ScreenChecks.wheelTo(
                driver,
                driver.findElement(By.className("dr-authoring")),
                preview().findElement(By.cssSelector(".katex-display")));
        HeadlessChromium.screenshot(driver, "authoring-phone-formula");
        var lastHeading = preview().findElements(By.cssSelector("h2")).getLast();
        ScreenChecks.wheelTo(driver, driver.findElement(By.className("dr-authoring")), lastHeading);
        HeadlessChromium.screenshot(driver, "authoring-phone-preview");

        // Back to the top with the wheel for the page's buttons.
        ScreenChecks.wheelAndClick(
                driver,
                driver.findElement(By.className("dr-authoring")),
                driver.findElement(By.id("authoring-new-course")));
        waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("new-course-id")));
        // The screenshot waits for the dialog to fade in.
        new Actions(driver).pause(DIALOG_FADE).perform();
        ScreenChecks.assertNoHorizontalOverflow(driver, "authoring-phone-new-course");
        HeadlessChromium.screenshot(driver, "authoring-phone-new-course");
    }

    private void checkScreen(String name) throws Exception {
        ScreenChecks.assertNoHorizontalOverflow(driver, name);
        ScreenChecks.assertNothingCovered(driver, "body", name);
        HeadlessChromium.screenshot(driver, name);
    }

    /** The page names courses by id and files by their name in the course, never the server's folders. */
    private void assertNoServerFolder() {
        var text = driver.findElement(By.tagName("body")).getText();
        assertThat(text)
                .doesNotContain(
                        "/work/",
                        library.dir().toString(),
                        Path.of("").toAbsolutePath().toString());
    }

    private void waitForEditor(String previewText) {
        waitUpTo(60)
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#authoring-editor[data-ready='codemirror'] .CodeMirror-linenumber")));
        waitUpTo(60).until(d -> preview().getText().contains(previewText));
    }

    private void choose(String comboId, String text) {
        var input =
                waitUpTo(60).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + comboId + " input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
        waitUpTo(30)
                .until(d -> d.findElements(By.tagName("vaadin-combo-box-item")).stream()
                        .anyMatch(i -> i.getText().contains(text)));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
    }

    private void type(String css, String text) {
        waitUpTo(30)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
                .sendKeys(text);
    }

    private void clickById(String id) {
        var target = waitUpTo(60).until(ExpectedConditions.elementToBeClickable(By.id(id)));
        ScreenChecks.assertTopmost(driver, target);
        new Actions(driver).moveToElement(target).click().perform();
    }

    private void waitForNotification(String start) {
        waitUpTo(30)
                .pollingEvery(Duration.ofMillis(100))
                .until(d -> d.findElements(By.tagName("vaadin-notification-card")).stream()
                        .anyMatch(c -> c.getText().startsWith(start)));
    }

    private WebElement preview() {
        return driver.findElement(By.id("authoring-preview"));
    }

    private WebElement editor() {
        return driver.findElement(By.id("authoring-editor"));
    }

    private String editorText() {
        return (String) js("return window.drEditor.text(arguments[0]);", editor());
    }

    private String problemsText() {
        return driver.findElement(By.id("authoring-problems")).getText().strip();
    }

    /** Top and bottom of an element on the page. */
    private double[] box(WebElement element) {
        @SuppressWarnings("unchecked")
        var r = (java.util.List<Number>) js(
                "const r = arguments[0].getBoundingClientRect(); return [r.top + scrollY, r.bottom + scrollY];",
                element);
        return new double[] {r.get(0).doubleValue(), r.get(1).doubleValue()};
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
