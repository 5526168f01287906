package org.deeprounds.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandlerUtil;
import org.deeprounds.base.ErrorReference;

/**
 * What a user sees when something unexpected fails in a view (a click, an upload, a background update): a notification
 * with a reference to the logged stack trace, never the exception or its message. Domain errors that a view expects
 * (a design with problems, a refused change) are caught and shown by the view itself; only what no view caught arrives
 * here. Every Vaadin session gets one ({@link AppErrorHandlerInstaller}).
 */
public class AppErrorHandler extends DefaultErrorHandler {

    /** Long enough to copy the reference down. */
    static final int NOTIFICATION_MILLIS = 15_000;

    /** The notification's element id, for tests and for styling. */
    public static final String NOTIFICATION_ID = "unexpected-error";

    /** The words the user reads: what happened, that their work is saved, what to do next. */
    public static String message(String reference) {
        return "Something went wrong (ref " + reference + "). Your work is saved; try again, or tell your instructor"
                + " the reference.";
    }

    @Override
    public void error(ErrorEvent event) {
        var failure = findRelevantThrowable(event.getThrowable());
        if (!shouldHandle(failure)) {
            return; // the browser went away: nobody to tell
        }
        if (ErrorHandlerUtil.handleErrorByRedirectingToErrorView(failure)) {
            return; // an exception with an error view of its own
        }
        var ui = UI.getCurrent();
        var reference = ErrorReference.log(where(ui), failure);
        if (ui != null) {
            var notification = Notification.show(message(reference), NOTIFICATION_MILLIS, Notification.Position.MIDDLE);
            notification.setId(NOTIFICATION_ID);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static String where(UI ui) {
        if (ui == null || ui.getInternals().getActiveViewLocation() == null) {
            return "a Vaadin request";
        }
        return "view /" + ui.getInternals().getActiveViewLocation().getPathWithQueryParameters();
    }
}
