package org.deeprounds.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import org.deeprounds.accounts.IssuedPassword;

/** Shows a temporary password exactly once; it is stored only as a hash. */
final class PasswordShownOnce {

    private PasswordShownOnce() {}

    static Dialog open(IssuedPassword issued) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Temporary password for " + issued.username());
        var password = new Pre(issued.password());
        password.setId("issued-password");
        dialog.add(
                new Paragraph("Give this password to " + issued.username()
                        + " over a safe channel. It is shown only now; they can change it under 'My account'."),
                password);
        dialog.getFooter().add(new Button("Done", e -> dialog.close()));
        dialog.open();
        return dialog;
    }
}
