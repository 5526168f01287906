package org.deeprounds.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import java.io.UncheckedIOException;
import org.deeprounds.IntegrationTest;
import org.deeprounds.home.ui.HomeView;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * An exception no view caught reaches the user as a notification with a reference to the log, never as its message
 * or stack trace; every session has the handler.
 */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class AppErrorHandlerTest extends SpringBrowserlessTest {

    @Test
    void every_session_has_the_apps_error_handler() {
        navigate(HomeView.class);

        assertThat(VaadinSession.getCurrent().getErrorHandler()).isInstanceOf(AppErrorHandler.class);
    }

    @Test
    void an_unexpected_exception_is_shown_as_a_reference_without_its_message() {
        navigate(HomeView.class);
        var failure = new UncheckedIOException(
                "Cannot write /srv/deeprounds/data/runs/17/model.zip",
                new java.io.IOException("No space left on device"));

        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(failure));

        var notification = $(Notification.class).id(AppErrorHandler.NOTIFICATION_ID);
        var text = test(notification).getText();
        assertThat(text)
                .matches("Something went wrong \\(ref [0-9A-F]{6}\\)\\. Your work is saved; try again, or tell your"
                        + " instructor the reference\\.")
                .doesNotContain("srv", "model.zip", "No space", "Exception");
    }

    @Test
    void each_failure_gets_its_own_reference() {
        navigate(HomeView.class);
        var handler = VaadinSession.getCurrent().getErrorHandler();

        handler.error(new ErrorEvent(new IllegalStateException("first")));
        handler.error(new ErrorEvent(new IllegalStateException("second")));

        assertThat($(Notification.class).all())
                .extracting(n -> test(n).getText())
                .hasSize(2)
                .doesNotHaveDuplicates();
    }
}
