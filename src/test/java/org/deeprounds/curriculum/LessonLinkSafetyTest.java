package org.deeprounds.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lesson Markdown keeps links to the web, mail and the course's files, and drops {@code data:} and
 * {@code javascript:} links (commonmark's own default list allows {@code data}); the grades CSV defuses every
 * character a spreadsheet may read as the start of a formula.
 */
class LessonLinkSafetyTest {

    @Test
    void data_and_script_links_are_dropped() {
        for (var url : new String[] {
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "DATA:text/html,%3Cscript%3Ealert(1)%3C/script%3E",
            "javascript:alert(1)",
            " data:text/html,x"
        }) {
            var html = LessonMarkdown.html("[Open me](<" + url + ">) and ![img](<" + url + ">)", "demo");
            assertThat(html).as(url).contains("<a ").contains("<img ");
            assertThat(html.toLowerCase(java.util.Locale.ROOT))
                    .as(url)
                    .doesNotContain("=\"data:")
                    .doesNotContain("=\" data:")
                    .doesNotContain("=\"javascript:");
        }
    }

    @Test
    void web_mail_anchor_and_course_links_are_kept() {
        var html = LessonMarkdown.html(
                "[paper](https://example.org/a?b=1) [mail](mailto:tutor@example.org) [step](#why) ![x](images/x.png)",
                "demo");
        assertThat(html)
                .contains("href=\"https://example.org/a?b=1\"")
                .contains("href=\"mailto:tutor@example.org\"")
                .contains("href=\"#why\"")
                .contains("src=\"/curricula-files/demo/images/x.png\"");
    }

    @Test
    void a_leading_tab_or_carriage_return_is_defused_like_a_formula() {
        assertThat(TeachingService.defuse("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(TeachingService.defuse("\r=1+1")).isEqualTo("'\r=1+1");
        assertThat(TeachingService.defuse("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(TeachingService.defuse("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TeachingService.defuse("Ada Lovelace")).isEqualTo("Ada Lovelace");
    }
}
