package org.deeprounds.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Gives every Vaadin session the {@link AppErrorHandler}, in place of Vaadin's, which only logs. */
@Component
class AppErrorHandlerInstaller implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(new AppErrorHandler()));
    }
}
