package org.deeprounds.accounts.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import org.deeprounds.accounts.IssuedPassword;
import org.deeprounds.accounts.IssuedToken;

/** Shows a temporary password or a new API token exactly once; only a hash of either is stored. */
final class SecretShownOnce {

    private SecretShownOnce() {}

    static Dialog password(IssuedPassword issued) {
        return open(
                "Temporary password for " + issued.username(),
                "Give this password to " + issued.username() + " over a safe channel. It is shown only now; at their"
                        + " first sign-in with it they choose a password of their own.",
                issued.password(),
                "issued-password");
    }

    static Dialog token(IssuedToken issued) {
        return open(
                "API token \u201c" + issued.name() + "\u201d",
                "Copy this token into your script now: it is shown only once. Anyone who has it can use DeepRounds as"
                        + " you, so keep it like a password. Send it as the header"
                        + " \u201cAuthorization: Bearer <token>\u201d.",
                issued.token(),
                "issued-token");
    }

    private static Dialog open(String title, String explanation, String secret, String id) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(title);
        var shown = new Pre(secret);
        shown.setId(id);
        // Long tokens wrap on a phone instead of widening the dialog.
        shown.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all");
        dialog.add(new Paragraph(explanation), shown);
        dialog.getFooter().add(new Button("Done", e -> dialog.close()));
        dialog.setMaxWidth("40em");
        dialog.open();
        return dialog;
    }
}
