package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lesson Markdown as the trainee and the authoring preview see it. */
class LessonMarkdownTest {

    @Test
    void a_heading_id_becomes_the_headings_id_and_leaves_its_text() {
        var html = LessonMarkdown.html("## Why it matters {#why}\nText.\n\n### Step two {#step_2}", "demo");

        assertThat(html)
                .contains("<h2 id=\"why\">Why it matters</h2>")
                .contains("<h3 id=\"step_2\">Step two</h3>")
                .doesNotContain("{#");
    }

    @Test
    void a_heading_without_an_id_and_formulas_in_headings_are_kept() {
        var html =
                LessonMarkdown.html("## Loss $L = -\\log p$ {#loss}\n\n## Plain title\n\nA {#not-a-heading}", "demo");

        assertThat(html)
                .contains(
                        "<h2 id=\"loss\">Loss <span class=\"dr-math\" data-display=\"false\">L = -\\log p</span></h2>")
                .contains("<h2>Plain title</h2>")
                .contains("<p>A {#not-a-heading}</p>");
    }

    @Test
    void raw_html_in_a_heading_id_is_escaped() {
        var html = LessonMarkdown.html("## Title {#x\"onclick=\"alert(1)}", "demo");

        assertThat(html).doesNotContain("onclick=\"alert").contains("id=\"x&quot;onclick=&quot;alert(1)\"");
    }
}
