package org.deeprounds.curriculum.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.curriculum.AuthoringService;
import org.deeprounds.curriculum.CourseLoader;
import org.deeprounds.curriculum.CourseProblem;
import org.deeprounds.curriculum.CurriculumLibrary;
import org.deeprounds.curriculum.LessonMarkdown;

/**
 * Writing courses in the app: pick a course and a file, edit it with a live preview and its problems (file, line,
 * field) as you type; Save writes it back to the curricula folder only when the whole course validates. New courses
 * and lessons start from templates; a course travels as a zip.
 */
@Route("authoring")
@PageTitle("Authoring")
@Menu(title = "Authoring", order = 7, icon = "vaadin:edit")
@RolesAllowed({AppRoles.INSTRUCTOR, AppRoles.ADMIN})
public class AuthoringView extends VerticalLayout {

    private final transient AuthoringService authoring;
    private final transient CurriculumLibrary library;
    private final ComboBox<String> course = new ComboBox<>("Course");
    private final ComboBox<String> file = new ComboBox<>("File");
    private final TextArea editor = new TextArea();
    private final Div preview = new Div();
    private final Pre problems = new Pre();
    private final Anchor download = new Anchor("", "Download as zip");

    public AuthoringView(AuthoringService authoring, CurriculumLibrary library) {
        this.authoring = authoring;
        this.library = library;
        setSizeFull();
        course.setId("authoring-course");
        file.setId("authoring-file");
        editor.setId("authoring-editor");
        problems.setId("authoring-problems");
        preview.setId("authoring-preview");
        download.setId("authoring-download");
        download.getElement().setAttribute("download", true);
        editor.setWidthFull();
        editor.setHeight("60vh");
        editor.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        editor.setValueChangeMode(ValueChangeMode.LAZY);
        editor.setValueChangeTimeout(600);
        editor.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                check();
            }
        });
        course.setWidth("18em");
        file.setWidth("22em");
        course.addValueChangeListener(e -> showCourse());
        file.addValueChangeListener(e -> open());
        var save = new Button("Save", e -> save());
        save.setId("authoring-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var newLessonName = new TextField("New lesson file");
        newLessonName.setPlaceholder("03-thresholds");
        var newLessonTitle = new TextField("Title");
        var addLesson = new Button(
                "Add lesson",
                e -> act(() -> {
                    var found =
                            authoring.addLesson(course.getValue(), newLessonName.getValue(), newLessonTitle.getValue());
                    if (found.isEmpty()) {
                        showCourse();
                        file.setValue("lessons/" + newLessonName.getValue().replaceAll("\\.md$", "") + ".md");
                    }
                    show(found);
                }));
        var newCourseId = new TextField("New course id");
        newCourseId.setPlaceholder("ultrasound-basics");
        newCourseId.setId("new-course-id");
        var newCourseTitle = new TextField("Title");
        newCourseTitle.setId("new-course-title");
        var create = new Button(
                "Create course",
                e -> act(() -> {
                    authoring.create(newCourseId.getValue(), newCourseTitle.getValue());
                    refreshCourses();
                    course.setValue(newCourseId.getValue());
                }));
        create.setId("create-course");
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            var result = authoring.upload(new java.io.ByteArrayInputStream(bytes));
            if (result.problems().isEmpty()) {
                Notification.show("Course '" + result.course() + "' installed.")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refreshCourses();
                course.setValue(result.course());
            } else {
                show(result.problems());
                Notification.show("Not installed: the course has problems (listed below); nothing was changed.")
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }))));
        upload.setAcceptedFileTypes("application/zip", ".zip");
        upload.setMaxFileSize((int) (5 * 1024 * 1024));
        upload.setMaxFiles(1);
        upload.setDropLabel(new com.vaadin.flow.component.html.Span("Upload a course (zip)"));
        var split = new SplitLayout(editor, preview);
        split.setWidthFull();
        split.setSplitterPosition(55);
        preview.getStyle()
                .set("padding", "0 var(--lumo-space-m)")
                .set("overflow", "auto")
                .set("max-height", "60vh");
        var row = new HorizontalLayout(course, file, save, download);
        row.setAlignItems(Alignment.BASELINE);
        var lessonRow = new HorizontalLayout(newLessonName, newLessonTitle, addLesson);
        lessonRow.setAlignItems(Alignment.BASELINE);
        var courseRow = new HorizontalLayout(newCourseId, newCourseTitle, create);
        courseRow.setAlignItems(Alignment.BASELINE);
        add(
                new H2("Authoring"),
                new Paragraph("Courses are files in " + library.dir() + " (see curricula/FORMAT.md). Problems show as"
                        + " you type; Save writes the file only when the whole course is valid."),
                row,
                split,
                problems,
                new H3("Add a lesson to this course"),
                lessonRow,
                new H3("Start a new course, or upload one"),
                courseRow,
                upload);
        refreshCourses();
    }

    private void refreshCourses() {
        var folders =
                library.all().stream().map(CourseLoader.Result::folder).sorted().toList();
        course.setItems(folders);
    }

    private void showCourse() {
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
        editor.setValue(authoring.read(course.getValue(), file.getValue()));
        check();
    }

    private void check() {
        if (course.getValue() == null || file.getValue() == null) {
            return;
        }
        show(authoring.validate(course.getValue(), file.getValue(), editor.getValue()));
        preview.removeAll();
        var text = editor.getValue();
        if (file.getValue().endsWith(".md")) {
            int end = text.indexOf("\n---", 3);
            var body = text.startsWith("---") && end > 0 ? text.substring(Math.min(text.length(), end + 4)) : text;
            preview.add(new Html(LessonMarkdown.html(body, course.getValue())));
            preview.getElement().executeJs("window.drRenderMath && window.drRenderMath(this)");
        } else {
            preview.add(new Paragraph("course.yaml: the course's title, audience, objectives and lesson list."));
        }
    }

    private void save() {
        if (course.getValue() == null || file.getValue() == null) {
            Notification.show("Choose a course and a file to edit first.")
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        act(() -> {
            var found = authoring.save(course.getValue(), file.getValue(), editor.getValue());
            show(found);
            if (found.isEmpty()) {
                Notification.show("Saved " + file.getValue() + "; trainees see the new version from now on.")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } else {
                Notification.show("Not saved: fix the problems listed under the editor.")
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
    }

    private void show(List<CourseProblem> found) {
        problems.setText(
                found.isEmpty()
                        ? "No problems."
                        : String.join(
                                "\n",
                                found.stream().map(CourseProblem::toString).toList()));
        problems.getStyle()
                .set("color", found.isEmpty() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
    }

    private void act(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        var page = event.getUI().getPage();
        page.addStyleSheet("/webjars/katex/0.16.4/dist/katex.min.css");
        page.addJavaScript("/webjars/katex/0.16.4/dist/katex.min.js");
        page.addJavaScript("/lessons/dr-math.js");
    }
}
