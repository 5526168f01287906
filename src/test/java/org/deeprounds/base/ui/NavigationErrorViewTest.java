package org.deeprounds.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouteConfiguration;
import jakarta.annotation.security.PermitAll;
import org.deeprounds.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

/** A page that fails to open shows a reference to the log and a way back, never the exception's message. */
@IntegrationTest
@WithMockUser(username = "trainee1", roles = "TRAINEE")
class NavigationErrorViewTest extends SpringBrowserlessTest {

    /**
     * A page whose opening fails the way a bug would, with a message no user should read. Registered for this test's
     * session only, so it is not one of the application's views.
     */
    @PermitAll
    public static class FailingPage extends Div implements BeforeEnterObserver {
        @Override
        public void beforeEnter(BeforeEnterEvent event) {
            throw new IllegalStateException("Cannot read /srv/deeprounds/data/runs/17/model.zip: secret detail");
        }
    }

    @Test
    void a_page_that_fails_to_open_shows_a_reference_and_not_the_exception() {
        RouteConfiguration.forSessionScope().setRoute("test-failing-page", FailingPage.class);

        navigate("test-failing-page", NavigationErrorView.class);

        var page = $(NavigationErrorView.class).id(NavigationErrorView.ID);
        var text = page.getElement().getTextRecursively();
        assertThat(text)
                .contains("This page could not be opened")
                .containsPattern("ref [0-9A-F]{6}")
                .doesNotContain("srv", "model.zip", "secret", "IllegalStateException");
        assertThat($(Paragraph.class).from(page).all()).isNotEmpty();
    }
}
