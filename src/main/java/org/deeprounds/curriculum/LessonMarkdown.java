package org.deeprounds.curriculum;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.springframework.web.util.HtmlUtils;

/**
 * Lesson Markdown as HTML: tables, images of the course (served by {@code /curricula-files/...}), links opening in a
 * new tab, raw HTML escaped (lessons are text, not pages), TeX formulas kept intact for KaTeX in the browser, and a
 * heading's {@code {#id}} (curricula/FORMAT.md: {@code ## Title {#step-id}}) made the heading's id instead of text.
 */
public final class LessonMarkdown {

    private static final Pattern MATH =
            Pattern.compile("\\$\\$(.+?)\\$\\$|(?<![\\\\$])\\$([^$\\n]+?)\\$", Pattern.DOTALL);
    /** The attribute block ending a heading, as CourseLoader reads it: {@code ## Title {#step-id}}. */
    private static final Pattern HEADING_ID = Pattern.compile("\\s*\\{#([^}\\s]+)\\}\\s*$");

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    /**
     * Links and images may point to the web, mail or the course's own files; never {@code data:} (a page or script
     * smuggled into a link) or {@code javascript:}. commonmark's default list also allows {@code data}.
     */
    static final UrlSanitizer SAFE_URLS = new DefaultUrlSanitizer(List.of("http", "https", "mailto"));

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
        var document = PARSER.parse(protectedText.toString());
        var headingIds = headingIds(document);
        var renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .urlSanitizer(SAFE_URLS)
                .attributeProviderFactory(context -> attributes(courseId, headingIds))
                .build();
        var html = renderer.render(document);
        for (int i = 0; i < formulas.size(); i++) {
            var span = "<span class=\"dr-math\" data-display=\"" + displays.get(i) + "\">"
                    + HtmlUtils.htmlEscape(formulas.get(i).strip()) + "</span>";
            html = html.replace("DRMATH" + i + "X", span);
        }
        return "<div class=\"lesson-text\">" + html + "</div>";
    }

    /**
     * Takes each heading's trailing {@code {#id}} out of its text and returns the ids by heading. Math was replaced by
     * placeholders before parsing, so a formula in a heading is never mistaken for an id.
     */
    private static Map<Node, String> headingIds(Node document) {
        var ids = new IdentityHashMap<Node, String>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLastChild() instanceof Text text) {
                    var m = HEADING_ID.matcher(text.getLiteral());
                    if (m.find()) {
                        ids.put(heading, m.group(1));
                        text.setLiteral(text.getLiteral().substring(0, m.start()));
                    }
                }
            }
        });
        return ids;
    }

    private static AttributeProvider attributes(String courseId, Map<Node, String> headingIds) {
        return (node, tag, attributes) -> {
            if (node instanceof Heading && headingIds.containsKey(node)) {
                attributes.put("id", headingIds.get(node));
            }
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
