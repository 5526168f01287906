package org.deeprounds.curriculum.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deeprounds.TestUsers.as;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import org.deeprounds.IntegrationTest;
import org.deeprounds.accounts.AccountService;
import org.deeprounds.accounts.InstructorDirectory;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.curriculum.AuthoringService;
import org.deeprounds.curriculum.CourseAuthors;
import org.deeprounds.curriculum.TeachingFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The authoring page shows a course's authors, and offers editing only where the user may change the course: another
 * instructor's course, or one shipped with the app, is read-only without Save or Add a lesson; an author adds a
 * co-author from the page.
 */
@IntegrationTest
@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class AuthoringAuthorsViewTest extends SpringBrowserlessTest {

    @Autowired
    AuthoringService authoring;

    @Autowired
    CourseAuthors authors;

    @Autowired
    AccountService accounts;

    @Test
    void a_course_the_instructor_did_not_write_is_read_only_and_on_their_own_they_add_a_co_author() {
        TeachingFixtures.instructor(accounts, "view-coauthor", "Dr. Vera View");
        as("instructor", AppRoles.INSTRUCTOR, () -> {
            authoring.create("my-view-course", "My course");
            return null;
        });
        navigate(AuthoringView.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> course = $(ComboBox.class).id("authoring-course");
        test(course).selectItem("my-view-course");
        assertThat($(Span.class).id("authoring-authors").getText())
                .isEqualTo("Authors: Dr. Ines Instructor (instructor).");
        var save = $(Button.class).id("authoring-save");
        var addLesson = $(Button.class).id("authoring-add-lesson");
        var manageAuthors = $(Button.class).id("authoring-manage-authors");
        var editor = $(CodeEditor.class).id("authoring-editor");
        assertThat(editor.isReadOnly()).isFalse();

        test(course).selectItem("foundations");
        assertThat($(Span.class).id("authoring-authors").getText())
                .isEqualTo("Authors: none recorded (the course came with DeepRounds or was written before authors"
                        + " were recorded), so only administrators can change it. You can read it here.");
        assertThat(save.isVisible()).isFalse();
        assertThat(addLesson.isVisible()).isFalse();
        assertThat(manageAuthors.isVisible()).isFalse();
        assertThat(editor.isReadOnly()).isTrue();

        test(course).selectItem("my-view-course");
        assertThat(save.isVisible()).isTrue();
        assertThat(addLesson.isVisible()).isTrue();
        assertThat(manageAuthors.isVisible()).isTrue();
        assertThat(editor.isReadOnly()).isFalse();

        // The author adds a co-author through the page's own dialog.
        test(manageAuthors).click();
        @SuppressWarnings("unchecked")
        ComboBox<InstructorDirectory.Instructor> pick = $(ComboBox.class).id("new-co-author");
        test(pick).selectItem("Dr. Vera View (view-coauthor)");
        test($(Button.class).id("add-co-author")).click();
        assertThat($(Span.class).id("authoring-authors").getText())
                .isEqualTo("Authors: Dr. Ines Instructor (instructor), Dr. Vera View (view-coauthor).");
        assertThat(as("instructor", AppRoles.INSTRUCTOR, () -> authors.of("my-view-course"))
                        .authors())
                .extracting(InstructorDirectory.Instructor::username)
                .containsExactly("instructor", "view-coauthor");
    }
}
