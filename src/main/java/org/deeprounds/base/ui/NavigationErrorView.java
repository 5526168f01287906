package org.deeprounds.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.deeprounds.base.ErrorReference;

/**
 * What a user sees when opening a page fails unexpectedly: a reference to the logged stack trace and a way back, in
 * place of Vaadin's own error page, which prints the exception's message (and so whatever a library put in it). Pages
 * that do not exist keep Vaadin's "not found" page, which names only the address asked for.
 */
@AnonymousAllowed
public class NavigationErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    /** The page's element id, for tests. */
    public static final String ID = "navigation-error";

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        var reference = ErrorReference.log(
                "navigation to /" + event.getLocation().getPathWithQueryParameters(), parameter.getCaughtException());
        removeAll();
        setId(ID);
        add(
                new H2("This page could not be opened"),
                new Paragraph(AppErrorHandler.message(reference)),
                new Anchor("", "Back to the start page"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
