package org.deeprounds.curriculum.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.deeprounds.TestUsers.as;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import org.deeprounds.IntegrationTest;
import org.deeprounds.base.security.AppRoles;
import org.deeprounds.curriculum.AuthoringService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The authoring page shows a course's authors, and offers editing only where the user may change the course: another
 * instructor's course, or one shipped with the app, is read-only without Save or Add a lesson.
 */
@IntegrationTest
@WithMockUser(username = "instructor", roles = "INSTRUCTOR")
class AuthoringAuthorsViewTest extends SpringBrowserlessTest {

    @Autowired
    AuthoringService authoring;

    @Test
    void a_course_the_instructor_did_not_write_is_read_only_and_their_own_is_editable() {
        as("instructor", AppRoles.INSTRUCTOR, () -> {
            authoring.create("my-view-course", "My course");
            return null;
        });
        navigate(AuthoringView.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> course = $(ComboBox.class).id("authoring-course");
        var save = $(Button.class).id("authoring-save");
        var addLesson = $(Button.class).id("authoring-add-lesson");
        var editor = $(CodeEditor.class).id("authoring-editor");

        test(course).selectItem("foundations");
        assertThat($(Div.class).id("authoring-authors").getText())
                .contains("Authors: none recorded", "only its authors and administrators can change it");
        assertThat(save.isVisible()).isFalse();
        assertThat(addLesson.isVisible()).isFalse();
        assertThat(editor.isReadOnly()).isTrue();

        test(course).selectItem("my-view-course");
        assertThat($(Div.class).id("authoring-authors").getText())
                .isEqualTo("Authors: Dr. Ines Instructor (instructor).");
        assertThat(save.isVisible()).isTrue();
        assertThat(addLesson.isVisible()).isTrue();
        assertThat(editor.isReadOnly()).isFalse();
    }
}
