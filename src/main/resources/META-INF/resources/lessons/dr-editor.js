// The course editor of the authoring page: CodeMirror 5 (lib/codemirror.js is loaded before this file from the
// codemirror webjar; the Markdown and YAML modes are loaded here, in order) inside the <div> of the server's
// CodeEditor component. Typed text goes back to the server through $server.changed, debounced; on save the server
// asks for the text as it is at that moment (drEditor.text), so nothing typed just before a click is lost.
// Where CodeMirror cannot load, a plain textarea takes its place with the same calls.
(function () {
  if (window.drEditor) {
    return;
  }
  const DEBOUNCE_MS = 400;
  const WAIT_MS = 50;
  const WAIT_TRIES = 200;
  const MODES = ['mode/xml/xml.js', 'mode/markdown/markdown.js', 'mode/yaml/yaml.js',
    'mode/yaml-frontmatter/yaml-frontmatter.js'];
  let ready = null;

  function script(src) {
    return new Promise(function (resolve) {
      const tag = document.createElement('script');
      tag.src = src;
      tag.onload = resolve;
      // A mode that does not load leaves its files as plain text; the editor still works.
      tag.onerror = resolve;
      document.head.appendChild(tag);
    });
  }

  function codeMirror(base) {
    if (!ready) {
      ready = new Promise(function (resolve, reject) {
        let tries = 0;
        (function wait() {
          if (window.CodeMirror) {
            resolve();
          } else if (++tries > WAIT_TRIES) {
            reject(new Error('CodeMirror did not load'));
          } else {
            setTimeout(wait, WAIT_MS);
          }
        })();
      }).then(function () {
        return MODES.reduce(function (chain, file) {
          return chain.then(function () { return script(base + file); });
        }, Promise.resolve());
      });
    }
    return ready;
  }

  function modeOf(file) {
    return file && file.endsWith('.md') ? { name: 'yaml-frontmatter', base: 'markdown' } : 'yaml';
  }

  function sendLater(host, read) {
    clearTimeout(host._drTimer);
    host._drTimer = setTimeout(function () { host.$server.changed(read()); }, DEBOUNCE_MS);
  }

  function plain(host) {
    const area = document.createElement('textarea');
    area.className = 'dr-editor-plain';
    area.spellcheck = false;
    area.value = host._drText;
    area.readOnly = !!host._drReadOnly;
    area.addEventListener('input', function () { sendLater(host, function () { return area.value; }); });
    host.appendChild(area);
    host._drArea = area;
    host.setAttribute('data-ready', 'plain');
  }

  window.drEditor = {
    attach: function (host, base, text, file) {
      host._drText = text;
      host._drFile = file;
      if (host._drCm || host._drArea) {
        window.drEditor.setText(host, text, file);
        return;
      }
      codeMirror(base).then(function () {
        if (host._drCm) {
          return;
        }
        const cm = window.CodeMirror(host, {
          value: host._drText,
          mode: modeOf(host._drFile),
          lineNumbers: true,
          lineWrapping: true,
          indentUnit: 2,
          // Typing goes straight into the text (no hidden textarea): better for screen readers and phones.
          inputStyle: 'contenteditable',
          spellcheck: false,
          readOnly: !!host._drReadOnly,
          tabSize: 2,
          extraKeys: { Tab: function (editor) { editor.execCommand('insertSoftTab'); } }
        });
        cm.on('changes', function (editor, changes) {
          if (!changes.every(function (c) { return c.origin === 'setValue'; })) {
            sendLater(host, function () { return editor.getValue(); });
          }
        });
        // The editor measures itself: measure again whenever the layout gives it another size (the problems under it
        // come and go), keeping the line being typed on screen.
        new ResizeObserver(function () {
          cm.refresh();
          if (cm.hasFocus()) {
            cm.scrollIntoView(null);
          }
        }).observe(host);
        host._drCm = cm;
        host.setAttribute('data-ready', 'codemirror');
      }, function () { plain(host); });
    },

    setText: function (host, text, file) {
      host._drText = text;
      host._drFile = file;
      clearTimeout(host._drTimer);
      if (host._drCm) {
        host._drCm.setOption('mode', modeOf(file));
        host._drCm.setValue(text);
        host._drCm.clearHistory();
      } else if (host._drArea) {
        host._drArea.value = text;
      }
    },

    // A course the user may not change is shown read-only (the server refuses a change anyway).
    readOnly: function (host, on) {
      host._drReadOnly = on;
      if (host._drCm) {
        host._drCm.setOption('readOnly', on);
      } else if (host._drArea) {
        host._drArea.readOnly = on;
      }
    },

    text: function (host) {
      clearTimeout(host._drTimer);
      if (host._drCm) {
        return host._drCm.getValue();
      }
      return host._drArea ? host._drArea.value : host._drText;
    },

    goTo: function (host, line) {
      const cm = host._drCm;
      if (cm) {
        const at = { line: Math.max(0, Math.min(line - 1, cm.lastLine())), ch: 0 };
        cm.focus();
        cm.setCursor(at);
        cm.scrollIntoView(at, cm.getScrollInfo().clientHeight / 3);
      } else if (host._drArea) {
        const lines = host._drArea.value.split('\n');
        const offset = lines.slice(0, Math.max(0, line - 1)).reduce(function (n, l) { return n + l.length + 1; }, 0);
        host._drArea.focus();
        host._drArea.setSelectionRange(offset, offset);
      }
    }
  };
})();
