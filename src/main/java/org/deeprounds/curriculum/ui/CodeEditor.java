package org.deeprounds.curriculum.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.ArrayList;
import java.util.List;

/**
 * A text editor for course files with line numbers and Markdown/YAML highlighting: CodeMirror 5, served from its
 * webjar and bound to this {@code <div>} by {@code /lessons/dr-editor.js}, so no frontend build is needed. The server
 * keeps a copy of the text, sent back while typing (debounced); {@link #readText} asks the browser for the text as it
 * is at that moment, which is what a save must use.
 */
class CodeEditor extends Div {

    static final String CODEMIRROR = "/webjars/codemirror/5.65.19/";
    private static final String BINDING = "/lessons/dr-editor.js";

    private final List<SerializableConsumer<String>> listeners = new ArrayList<>();
    private String text = "";
    private String file = "";
    private boolean readOnly;

    CodeEditor() {
        addClassName("dr-editor");
    }

    /** Shows {@code content} of {@code file} (its ending picks Markdown or YAML), replacing what was there. */
    void setValue(String content, String file) {
        this.text = content == null ? "" : content;
        this.file = file == null ? "" : file;
        call("setText", text, this.file);
    }

    /** Whether the text can be changed in the browser (a change is still checked on the server). */
    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        call("readOnly", readOnly);
    }

    boolean isReadOnly() {
        return readOnly;
    }

    /** The text as last sent by the browser (or set by the server). */
    String getValue() {
        return text;
    }

    /** Called with the new text each time the user pauses typing. */
    void addChangeListener(SerializableConsumer<String> listener) {
        listeners.add(listener);
    }

    /** Asks the browser for the text as it is now, then hands it to {@code action}. */
    void readText(SerializableConsumer<String> action) {
        getElement().executeJs("return window.drEditor.text(this)").then(String.class, current -> {
            text = current == null ? "" : current;
            action.accept(text);
        });
    }

    /** Puts the cursor at the start of {@code line} (1-based) and scrolls it into view. */
    void goToLine(int line) {
        call("goTo", line);
    }

    @ClientCallable
    private void changed(String current) {
        if (readOnly) {
            return;
        }
        text = current == null ? "" : current;
        listeners.forEach(l -> l.accept(text));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        var page = event.getUI().getPage();
        page.addStyleSheet(CODEMIRROR + "lib/codemirror.css");
        page.addJavaScript(CODEMIRROR + "lib/codemirror.js");
        page.addJavaScript(BINDING);
        getElement().executeJs(waitingFor("attach", 3), CODEMIRROR, text, file);
        call("readOnly", readOnly);
    }

    /** Runs {@code drEditor.<function>(this, ...)} once the binding script is there. */
    private void call(String function, Object... arguments) {
        getElement().executeJs(waitingFor(function, arguments.length), arguments);
    }

    private static String waitingFor(String function, int arguments) {
        var args = new StringBuilder("this");
        for (int i = 0; i < arguments; i++) {
            args.append(", $").append(i);
        }
        return "const run = () => window.drEditor ? window.drEditor." + function + "(" + args
                + ") : setTimeout(run, 50); run();";
    }
}
