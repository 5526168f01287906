package org.deeprounds.accounts.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.deeprounds.accounts.PasswordChange;
import org.springframework.stereotype.Component;

/**
 * Holds a user who must replace an issued password on {@link ChangePasswordView}: every other view they open leads
 * there (the login page too, which would otherwise send a signed-in user home). Pages outside Vaadin are held by the
 * security filter chain.
 */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        if (event.getNavigationTarget() != ChangePasswordView.class && PasswordChange.requiredNow()) {
            event.forwardTo(ChangePasswordView.class);
        }
    }
}
