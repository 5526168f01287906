package org.deeprounds.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;

/**
 * What a person meets on a real screen: the viewport of a laptop or a phone, the mouse wheel instead of scripted
 * scrolling, real clicks, no sideways scrolling of the page and nothing lying over a control.
 */
final class ScreenChecks {

    /** A common school laptop. */
    static final Dimension LAPTOP = new Dimension(1366, 768);
    /** A common phone, in CSS pixels. */
    static final Dimension PHONE = new Dimension(390, 844);

    private static final int WHEEL_STEP = 240;
    private static final int MAX_WHEEL_TURNS = 80;

    private ScreenChecks() {}

    /** Sets the viewport (not the outer window) to this size, so pages are laid out for exactly that screen. */
    static void viewport(WebDriver driver, Dimension size) {
        driver.manage().window().setSize(size);
        var js = (JavascriptExecutor) driver;
        @SuppressWarnings("unchecked")
        var inner = (List<Number>) js.executeScript("return [window.innerWidth, window.innerHeight];");
        int dw = size.width - inner.get(0).intValue();
        int dh = size.height - inner.get(1).intValue();
        if (dw != 0 || dh != 0) {
            driver.manage().window().setSize(new Dimension(size.width + dw, size.height + dh));
        }
    }

    /** The page itself never scrolls sideways: wide content must scroll inside its own box. */
    static void assertNoHorizontalOverflow(WebDriver driver, String page) {
        var widths = (List<?>) ((JavascriptExecutor) driver)
                .executeScript("return [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                        + " document.body.scrollWidth];");
        long scroll = Math.max(((Number) widths.get(0)).longValue(), ((Number) widths.get(2)).longValue());
        long client = ((Number) widths.get(1)).longValue();
        assertThat(scroll)
                .as("%s: the page is %d px wide in a %d px viewport", page, scroll, client)
                .isLessThanOrEqualTo(client + 1);
    }

    /** A pane's content fits its width: nothing in it makes the pane itself scroll sideways. */
    static void assertFitsWidth(WebDriver driver, String selector, String page) {
        var widths = (List<?>) ((JavascriptExecutor) driver)
                .executeScript(
                        "const e = document.querySelector(arguments[0]); return [e.scrollWidth, e.clientWidth];",
                        selector);
        long scroll = ((Number) widths.get(0)).longValue();
        long client = ((Number) widths.get(1)).longValue();
        assertThat(scroll)
                .as("%s: %s holds content %d px wide in %d px", page, selector, scroll, client)
                .isLessThanOrEqualTo(client + 1);
    }

    /**
     * Every visible button, heading and input inside {@code root} (a CSS selector) is the topmost element at its
     * centre once it is on screen: nothing covers it. Elements are brought on screen by scrolling their own
     * scroll container, as a wheel would.
     */
    static void assertNothingCovered(WebDriver driver, String root, String page) {
        @SuppressWarnings("unchecked")
        var covered = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(COVERED_SCRIPT, root);
        assertThat(covered)
                .as("%s: controls covered by another element (element, covered by)", page)
                .isEmpty();
    }

    /**
     * Turns the mouse wheel over {@code area} (the scrolling panel) until {@code target} is fully on screen, then
     * returns it. Fails when the wheel cannot bring it into view: the panel does not scroll.
     */
    static WebElement wheelTo(WebDriver driver, WebElement area, WebElement target) {
        for (int turn = 0; turn < MAX_WHEEL_TURNS; turn++) {
            int direction = position(driver, target);
            if (direction == 0) {
                return target;
            }
            var point = visiblePoint(driver, area);
            new Actions(driver)
                    .scrollFromOrigin(
                            WheelInput.ScrollOrigin.fromViewport(point[0], point[1]), 0, direction * WHEEL_STEP)
                    .pause(Duration.ofMillis(60))
                    .perform();
        }
        throw new AssertionError("The mouse wheel over the panel does not bring '" + target.getText()
                + "' on screen: the panel does not scroll");
    }

    /** Brings the target on screen with the wheel and clicks it with the mouse, as a person would. */
    static void wheelAndClick(WebDriver driver, WebElement area, WebElement target) {
        wheelTo(driver, area, target);
        assertTopmost(driver, target);
        new Actions(driver).moveToElement(target).click().perform();
    }

    /** The element is the topmost one at its centre (what a click there would reach). */
    static void assertTopmost(WebDriver driver, WebElement target) {
        var hit = (String) ((JavascriptExecutor) driver).executeScript(TOPMOST_SCRIPT, target);
        assertThat(hit).as("what a click on '%s' would reach", target.getText()).isEmpty();
    }

    /**
     * -1 when the target is above the part of the screen it can be clicked in (above the viewport, or under a bar at
     * its top), 1 below it, 0 when it is on screen and reachable (or taller than the screen and covering it).
     */
    private static int position(WebDriver driver, WebElement target) {
        var n = (Number) ((JavascriptExecutor) driver).executeScript(POSITION_SCRIPT, target);
        return n.intValue();
    }

    /**
     * A point where the wheel is turned: over the area itself (not over a bar lying on top of it), near its left edge
     * in the padding, so the wheel is not turned over a focused number field (which takes the wheel to change its
     * value). When no part of the area is reachable on screen, the left edge of the screen: there the page scrolls as
     * a whole, as on a phone.
     */
    private static int[] visiblePoint(WebDriver driver, WebElement area) {
        @SuppressWarnings("unchecked")
        var p = (List<Number>) ((JavascriptExecutor) driver).executeScript("""
                        const area = arguments[0];
                        const r = area.getBoundingClientRect();
                        const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, window.innerHeight);
                        const x = Math.max(Math.floor(r.left), 0) + 6;
                        const middle = Math.floor((top + bottom) / 2);
                        for (let d = 0; top < bottom && d <= (bottom - top) / 2; d += 10) {
                          for (const y of [middle - d, middle + d]) {
                            const hit = document.elementFromPoint(x, y);
                            if (hit && (area === hit || area.contains(hit))) return [x, Math.floor(y)];
                          }
                        }
                        return [6, Math.floor(window.innerHeight / 2)];
                        """, area);
        return new int[] {p.get(0).intValue(), p.get(1).intValue()};
    }

    /** Deep hit test (through shadow roots); '' when the element or something inside it is on top, else a name. */
    private static final String HIT_FUNCTIONS = """
            function deepHit(x, y) {
              let hit = document.elementFromPoint(x, y);
              while (hit && hit.shadowRoot) {
                const inner = hit.shadowRoot.elementFromPoint(x, y);
                if (!inner || inner === hit) break;
                hit = inner;
              }
              return hit;
            }
            function within(node, el) {
              for (let n = node; n; n = n.parentNode || n.host) { if (n === el) return true; }
              return false;
            }
            function scrollsBetween(el, ancestor) {
              for (let n = el.parentNode || el.host; n && n !== ancestor; n = n.parentNode || n.host) {
                if (n.nodeType !== 1) continue;
                const style = getComputedStyle(n);
                if (/(auto|scroll)/.test(style.overflowX + style.overflowY)) return true;
              }
              return false;
            }
            function describe(el) {
              if (!el) return 'nothing';
              const text = (el.innerText || el.getAttribute('label') || el.getAttribute('aria-label') || '')
                  .trim().slice(0, 40);
              return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (text ? ' "' + text + '"' : '');
            }
            function coveredBy(el) {
              const r = el.getBoundingClientRect();
              const x = r.left + r.width / 2, y = r.top + r.height / 2;
              if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) return 'off screen';
              const hit = deepHit(x, y);
              if (!hit || within(hit, el)) return '';
              // Scrolled out of view inside a box of its own that scrolls (a wide table): reachable, not covered.
              if (within(el, hit) && scrollsBetween(el, hit)) return '';
              // A control's own label or overlay part counts as the control.
              if (el.contains(hit) || (hit.closest && hit.closest('label') && within(hit.closest('label'), el))) return '';
              return describe(hit);
            }
            """;

    private static final String POSITION_SCRIPT = HIT_FUNCTIONS + """
            const el = arguments[0];
            const r = el.getBoundingClientRect();
            const h = window.innerHeight;
            if (r.top < 0 && r.bottom > h) return 0;
            if (r.top < 0) return -1;
            if (r.bottom > h) return 1;
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            const hit = deepHit(x, y);
            if (!hit || within(hit, el) || el.contains(hit)) return 0;
            return y < h / 2 ? -1 : 1;
            """;

    private static final String TOPMOST_SCRIPT = HIT_FUNCTIONS + "return coveredBy(arguments[0]);";

    private static final String COVERED_SCRIPT = HIT_FUNCTIONS + """
            const root = document.querySelector(arguments[0]);
            if (!root) return [{element: arguments[0], coveredBy: 'root not found'}];
            const selector = 'vaadin-button, button, h1, h2, h3, h4, input, textarea, vaadin-text-field,'
                + ' vaadin-text-area, vaadin-number-field, vaadin-combo-box, vaadin-select, vaadin-checkbox,'
                + ' vaadin-radio-button, vaadin-integer-field, vaadin-big-decimal-field, vaadin-upload';
            const found = [];
            for (const el of root.querySelectorAll(selector)) {
              const r = el.getBoundingClientRect();
              const style = getComputedStyle(el);
              if (r.width < 2 || r.height < 2 || style.visibility === 'hidden' || el.closest('[hidden]')) continue;
              // A disabled control takes no clicks (pointer-events: none): nothing to reach.
              if (el.hasAttribute('disabled') || style.pointerEvents === 'none') continue;
              // Inputs inside Vaadin fields are checked as their field.
              if (el.tagName === 'INPUT' && el.closest('vaadin-text-field, vaadin-number-field, vaadin-combo-box,'
                  + ' vaadin-integer-field, vaadin-big-decimal-field, vaadin-checkbox, vaadin-radio-button,'
                  + ' vaadin-text-area, vaadin-select, vaadin-upload')) continue;
              el.scrollIntoView({block: 'center', inline: 'nearest'});
              const by = coveredBy(el);
              if (by && by !== 'off screen') found.push({element: describe(el), coveredBy: by});
            }
            return found;
            """;
}
