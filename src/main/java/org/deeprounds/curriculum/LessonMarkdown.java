package org.deeprounds.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.web.util.HtmlUtils;

/**
 * Lesson Markdown as HTML: tables, images of the course (served by {@code /curricula-files/...}), links opening in a
 * new tab, raw HTML escaped (lessons are text, not pages), and TeX formulas kept intact for KaTeX in the browser.
 */
public final class LessonMarkdown {

    private static final Pattern MATH =
            Pattern.compile("\\$\\$(.+?)\\$\\$|(?<![\\\\$])\\$([^$\\n]+?)\\$", Pattern.DOTALL);
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private LessonMarkdown() {}

    /** HTML for {@code markdown} of course {@code courseId}, wrapped in one {@code <div>}. */
    public static String html(String markdown, String courseId) {
        var formulas = new ArrayList<String>();
        var displays = new ArrayList<Boolean>();
        Matcher m = MATH.matcher(markdown == null ? "" : markdown);
        var protectedText = new StringBuilder();
        while (m.find()) {
            boolean display = m.group(1) != null;
            formulas.add(display ? m.group(1) : m.group(2));
            displays.add(display);
            m.appendReplacement(protectedText, "DRMATH" + (formulas.size() - 1) + "X");
        }
        m.appendTail(protectedText);
        var renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> images(courseId))
                .build();
        var html = renderer.render(PARSER.parse(protectedText.toString()));
        for (int i = 0; i < formulas.size(); i++) {
            var span = "<span class=\"dr-math\" data-display=\"" + displays.get(i) + "\">"
                    + HtmlUtils.htmlEscape(formulas.get(i).strip()) + "</span>";
            html = html.replace("DRMATH" + i + "X", span);
        }
        return "<div class=\"lesson-text\">" + html + "</div>";
    }

    private static AttributeProvider images(String courseId) {
        return (node, tag, attributes) -> {
            if (node instanceof Image) {
                var src = attributes.getOrDefault("src", "");
                if (!src.contains(":") && !src.startsWith("/")) {
                    var file = src.replaceFirst("^(\\.\\./)+", "").replaceFirst("^\\./", "");
                    attributes.put("src", "/curricula-files/" + courseId + "/" + file);
                }
                attributes.put("style", "max-width: 100%");
            }
            if (node instanceof Link) {
                attributes.put("target", "_blank");
                attributes.put("rel", "noopener");
            }
        };
    }
}
