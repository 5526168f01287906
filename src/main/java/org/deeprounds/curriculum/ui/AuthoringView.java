package org.deeprounds.curriculum.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.NoSuchElementException;
import org.deeprounds.accounts.InstructorDirectory;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.curriculum.AuthoringService;
import org.deeprounds.curriculum.CourseAuthors;
import org.deeprounds.curriculum.CourseLoader;
import org.deeprounds.curriculum.CourseProblem;
import org.deeprounds.curriculum.CurriculumLibrary;
import org.deeprounds.curriculum.LessonMarkdown;
import org.springframework.security.access.AccessDeniedException;

/**
 * Writing courses in the app: pick a course and a file, edit it (line numbers, Markdown/YAML highlighting) beside a
 * preview drawn exactly as trainees see the lesson, with the course's problems (file, line, field) under the editor as
 * you type; a problem's line button puts the cursor there. Save writes the file back only when the whole course
 * validates. New courses and lessons start from templates; a course travels as a zip. The page names courses by id
 * and files by their name in the course, never by where they lie on the server. It shows a course's authors; a course
 * the user is not an author of (nor an administrator) is shown read-only, without Save or Add a lesson.
 */
@Route("authoring")
@PageTitle("Authoring")
@Menu(title = "Authoring", order = 7, icon = "vaadin:edit")
@RolesAllowed({AppRoles.INSTRUCTOR, AppRoles.ADMIN})
public class AuthoringView extends Div {

    private static final String STYLES = "/lessons/dr-authoring.css";
    private static final String KATEX = "/webjars/katex/0.16.4/dist/";
    private static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
    private static final int NOTICE_MS = 6000;

    private final transient AuthoringService authoring;
    private final transient CurriculumLibrary library;
    private final transient CourseAuthors courseAuthors;
    private final transient InstructorDirectory instructors;
    private final Button save = new Button("Save");
    private final Button addLesson = new Button("Add a lesson");
    private final Button manageAuthors = new Button("Change authors");
    private final Span authors = new Span();
    private final Div authorship = new Div(authors, manageAuthors);
    private final ComboBox<String> course = new ComboBox<>("Course");
    private final ComboBox<String> file = new ComboBox<>("File");
    private final CodeEditor editor = new CodeEditor();
    private final Div preview = new Div();
    private final Div problems = new Div();
    private final Anchor download = new Anchor("", "Download as zip");
    private Notification notice;

    public AuthoringView(
            AuthoringService authoring,
            CurriculumLibrary library,
            CourseAuthors courseAuthors,
            InstructorDirectory instructors) {
        this.authoring = authoring;
        this.library = library;
        this.courseAuthors = courseAuthors;
        this.instructors = instructors;
        addClassNames("dr-authoring", LumoUtility.Padding.MEDIUM, LumoUtility.BoxSizing.BORDER);
        course.setId("authoring-course");
        file.setId("authoring-file");
        editor.setId("authoring-editor");
        problems.setId("authoring-problems");
        preview.setId("authoring-preview");
        download.setId("authoring-download");
        download.getElement().setAttribute("download", true);
        editor.addChangeListener(text -> check());
        course.addClassName("dr-authoring-choice");
        file.addClassName("dr-authoring-choice");
        course.addValueChangeListener(e -> showCourse());
        file.addValueChangeListener(e -> open());
        save.addClickListener(e -> save());
        save.setId("authoring-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addLesson.addClickListener(e -> addLessonDialog().open());
        addLesson.setId("authoring-add-lesson");
        manageAuthors.addClickListener(e -> authorsDialog().open());
        manageAuthors.setId("authoring-manage-authors");
        manageAuthors.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        // One short line under the toolbar: the authors, and for them the way to change who they are.
        authors.setId("authoring-authors");
        authorship.addClassNames(
                LumoUtility.FontSize.SMALL,
                LumoUtility.TextColor.SECONDARY,
                LumoUtility.Display.FLEX,
                LumoUtility.FlexWrap.WRAP,
                LumoUtility.AlignItems.BASELINE,
                LumoUtility.Gap.Column.SMALL);
        var newCourse =
                new Button("New course or upload", e -> newCourseDialog().open());
        newCourse.setId("authoring-new-course");

        var intro = new Paragraph("Edit a course file: its problems (file, line, field) show under the editor as you"
                + " type, the preview shows the lesson as trainees see it, and Save writes the file only when the whole"
                + " course is valid. The format is described in the curricula's FORMAT.md.");
        intro.addClassNames(LumoUtility.Margin.NONE, LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        var toolbar = new Div(course, file, save, download, addLesson, newCourse);
        toolbar.addClassNames(
                LumoUtility.Display.FLEX,
                LumoUtility.FlexWrap.WRAP,
                LumoUtility.AlignItems.BASELINE,
                LumoUtility.Gap.Column.MEDIUM);

        problems.addClassNames("dr-authoring-problems", LumoUtility.FontSize.SMALL);
        var source = new Div(editor, problems);
        source.addClassName("dr-authoring-source");
        var previewLabel = new Span("Preview, as trainees see it");
        previewLabel.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        preview.addClassName("dr-authoring-preview-text");
        var previewColumn = new Div(previewLabel, preview);
        previewColumn.addClassName("dr-authoring-preview");
        var work = new Div(source, previewColumn);
        work.addClassName("dr-authoring-work");

        add(intro, toolbar, authorship, work);
        refreshCourses();
        showAuthorship();
    }

    private Dialog addLessonDialog() {
        var dialog = new Dialog("Add a lesson to " + (course.getValue() == null ? "this course" : course.getValue()));
        var name = new TextField("New lesson file");
        name.setId("new-lesson-file");
        name.setPlaceholder("03-thresholds");
        name.setHelperText("Letters, digits, '-' and '_'; saved under lessons/ as a .md file.");
        var title = new TextField("Title");
        title.setId("new-lesson-title");
        for (var field : List.of(name, title)) {
            field.setWidthFull();
        }
        var add = new Button(
                "Add lesson",
                e -> act(() -> {
                    var found = authoring.addLesson(course.getValue(), name.getValue(), title.getValue());
                    show(found, false);
                    if (found.isEmpty()) {
                        dialog.close();
                        showCourse();
                        file.setValue("lessons/" + name.getValue().replaceAll("\\.md$", "") + ".md");
                    }
                }));
        add.setId("add-lesson");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var fields = new Div(name, title);
        fields.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
        dialog.add(fields);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), add);
        dialog.setWidth("min(32rem, 100vw)");
        return dialog;
    }

    private Dialog newCourseDialog() {
        var dialog = new Dialog("Start a new course, or upload one");
        var id = new TextField("New course id");
        id.setPlaceholder("ultrasound-basics");
        id.setId("new-course-id");
        var title = new TextField("Title");
        title.setId("new-course-title");
        for (var field : List.of(id, title)) {
            field.setWidthFull();
        }
        var create = new Button(
                "Create course",
                e -> act(() -> {
                    authoring.create(id.getValue(), title.getValue());
                    dialog.close();
                    refreshCourses();
                    course.setValue(id.getValue());
                }));
        create.setId("create-course");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            AuthoringService.UploadResult result;
            try {
                result = authoring.upload(new ByteArrayInputStream(bytes));
            } catch (IllegalArgumentException | IllegalStateException | AccessDeniedException e) {
                // Refused (not the course's author): the reason is written for the user. Anything else is unexpected
                // and goes on to the app's error handler, which shows a reference instead of the message.
                dialog.close();
                tell("Not installed: " + e.getMessage(), NotificationVariant.LUMO_ERROR);
                return;
            }
            if (result.problems().isEmpty()) {
                tell("Course '" + result.course() + "' installed.", NotificationVariant.LUMO_SUCCESS);
                dialog.close();
                refreshCourses();
                course.setValue(result.course());
            } else {
                show(result.problems(), false);
                dialog.close();
                tell(
                        "Not installed: the course has problems (listed under the editor); nothing was changed.",
                        NotificationVariant.LUMO_ERROR);
            }
        }))));
        upload.setAcceptedFileTypes("application/zip", ".zip");
        upload.setMaxFileSize(MAX_UPLOAD_BYTES);
        upload.setMaxFiles(1);
        upload.setDropLabel(new Span("Upload a course (zip)"));
        var createRow = new Div(create);
        var content = new Div(id, title, createRow, new H3("Or upload a course"), upload);
        content.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        dialog.add(content);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.setWidth("min(32rem, 100vw)");
        return dialog;
    }

    private void refreshCourses() {
        var folders =
                library.all().stream().map(CourseLoader.Result::folder).sorted().toList();
        course.setItems(folders);
    }

    /**
     * The course's authors, and whether the user may change it: if not, the editor is read-only and the buttons that
     * change the course are hidden (the server refuses such a change anyway).
     */
    private void showAuthorship() {
        if (course.getValue() == null) {
            authors.setText("");
            manageAuthors.setVisible(false);
            return;
        }
        var found = courseAuthors.of(course.getValue());
        var names = found.authors().stream()
                .map(a -> a.displayName().equals(a.username())
                        ? a.username()
                        : a.displayName() + " (" + a.username() + ")")
                .toList();
        String text;
        if (names.isEmpty()) {
            text = "Authors: none recorded (the course came with DeepRounds or was written before authors were"
                    + " recorded), so only administrators can change it"
                    + (found.youMayChange() ? " and give it authors." : ". You can read it here.");
        } else {
            text = "Authors: " + String.join(", ", names) + "."
                    + (found.youMayChange()
                            ? ""
                            : " You can read this course; only its authors and administrators can change it, so ask"
                                    + " an author to add you as a co-author.");
        }
        authors.setText(text);
        save.setVisible(found.youMayChange());
        addLesson.setVisible(found.youMayChange());
        manageAuthors.setVisible(found.youMayChange());
        editor.setReadOnly(!found.youMayChange());
    }

    private Dialog authorsDialog() {
        var dialog = new Dialog("Authors of " + course.getValue());
        var list = new Div();
        list.setId("authors-list");
        list.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        var pick = new ComboBox<InstructorDirectory.Instructor>("Add a co-author");
        pick.setId("new-co-author");
        pick.setItemLabelGenerator(i -> i.displayName() + " (" + i.username() + ")");
        pick.setHelperText("Co-authors are instructors; they can change this course as you can.");
        pick.setWidthFull();
        Runnable[] fill = new Runnable[1];
        fill[0] = () -> {
            var found = courseAuthors.of(course.getValue());
            list.removeAll();
            for (var author : found.authors()) {
                var remove = new Button(
                        "Remove",
                        e -> act(() -> {
                            courseAuthors.remove(course.getValue(), author.username());
                            fill[0].run();
                        }));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                remove.setVisible(found.authors().size() > 1);
                var row = new Div(new Span(author.displayName() + " (" + author.username() + ")"), remove);
                row.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.SMALL, LumoUtility.AlignItems.BASELINE);
                list.add(row);
            }
            if (found.authors().isEmpty()) {
                list.add(new Span("No author recorded yet."));
            }
            var current = found.authors().stream()
                    .map(InstructorDirectory.Instructor::username)
                    .toList();
            pick.setItems(instructors.instructors().stream()
                    .filter(i -> !current.contains(i.username()))
                    .toList());
            showAuthorship();
        };
        var add = new Button(
                "Add",
                e -> act(() -> {
                    if (pick.getValue() == null) {
                        tell("Choose an instructor to add.", NotificationVariant.LUMO_ERROR);
                        return;
                    }
                    courseAuthors.add(course.getValue(), pick.getValue().username());
                    pick.clear();
                    fill[0].run();
                }));
        add.setId("add-co-author");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        fill[0].run();
        var content = new Div(list, pick);
        content.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.MEDIUM);
        dialog.add(content);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()), add);
        dialog.setWidth("min(32rem, 100vw)");
        return dialog;
    }

    private void showCourse() {
        showAuthorship();
        if (course.getValue() == null) {
            return;
        }
        download.setHref("/api/v1/courses/" + course.getValue() + ".zip");
        var files = authoring.files(course.getValue());
        file.setItems(files);
        file.setValue(files.size() > 1 ? files.get(1) : files.getFirst());
    }

    private void open() {
        if (course.getValue() == null || file.getValue() == null) {
            return;
        }
        editor.setValue(authoring.read(course.getValue(), file.getValue()), file.getValue());
        check();
    }

    private void check() {
        if (course.getValue() == null || file.getValue() == null) {
            return;
        }
        var text = editor.getValue();
        show(authoring.validate(course.getValue(), file.getValue(), text), true);
        showPreview(text);
    }

    /** The lesson text after its front matter, drawn by the same code and script as the lesson page. */
    private void showPreview(String text) {
        preview.removeAll();
        if (file.getValue().endsWith(".md")) {
            int end = text.indexOf("\n---", 3);
            var body = text.startsWith("---") && end > 0 ? text.substring(Math.min(text.length(), end + 4)) : text;
            preview.add(new Html(LessonMarkdown.html(body, course.getValue())));
            preview.getElement().executeJs("window.drRenderMath && window.drRenderMath(this)");
        } else {
            preview.add(new Paragraph("course.yaml holds the course's title, audience, objectives and lesson list;"
                    + " open a lesson file to see its preview."));
        }
    }

    private void save() {
        if (course.getValue() == null || file.getValue() == null) {
            tell("Choose a course and a file to edit first.", NotificationVariant.LUMO_ERROR);
            return;
        }
        var courseId = course.getValue();
        var fileName = file.getValue();
        editor.readText(text -> act(() -> {
            var found = authoring.save(courseId, fileName, text);
            show(found, true);
            showPreview(text);
            if (found.isEmpty()) {
                tell(
                        "Saved " + fileName + "; trainees see the new version from now on.",
                        NotificationVariant.LUMO_SUCCESS);
            } else {
                tell("Not saved: fix the problems listed under the editor.", NotificationVariant.LUMO_ERROR);
            }
        }));
    }

    /**
     * Lists the problems, one a line: file and line, then the field and what is wrong. For the problems of the file in
     * the editor ({@code ofEditor}), the line is a button that puts the cursor on it.
     */
    private void show(List<CourseProblem> found, boolean ofEditor) {
        problems.removeAll();
        if (found.isEmpty()) {
            var none = new Span("No problems.");
            none.addClassName(LumoUtility.TextColor.SUCCESS);
            problems.add(none);
            return;
        }
        var heading = new Span(found.size() == 1 ? "1 problem" : found.size() + " problems");
        heading.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        problems.add(heading);
        for (var problem : found) {
            var where = problem.file() + (problem.line() > 0 ? " line " + problem.line() : "");
            Component place;
            if (ofEditor && problem.line() > 0 && problem.file().equals(file.getValue())) {
                var go = new Button(where, e -> editor.goToLine(problem.line()));
                go.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                go.getElement().setAttribute("title", "Put the cursor on this line");
                place = go;
            } else {
                place = new Span(where);
            }
            var row = new Div(place, new Span(": " + problem.message()));
            row.addClassNames("dr-authoring-problem", LumoUtility.TextColor.ERROR);
            problems.add(row);
        }
    }

    /**
     * Runs a change, showing a refusal (a bad name, a course that exists, not an author) as written; anything else
     * is unexpected and goes on to the app's error handler, which shows a reference instead of the message.
     */
    private void act(Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException | AccessDeniedException e) {
            tell(e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
    }

    /**
     * A message at the top of the page, where it never lies over the problems under the editor; it replaces the one
     * before, so an old "Not saved" never stands beside a new "Saved".
     */
    private void tell(String text, NotificationVariant variant) {
        if (notice != null) {
            notice.close();
        }
        notice = new Notification(text, NOTICE_MS, Notification.Position.TOP_CENTER);
        notice.addThemeVariants(variant);
        notice.open();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var page = event.getUI().getPage();
        page.addStyleSheet(STYLES);
        page.addStyleSheet(KATEX + "katex.min.css");
        page.addJavaScript(KATEX + "katex.min.js");
        page.addJavaScript("/lessons/dr-math.js");
    }
}
