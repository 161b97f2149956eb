// kompass.js — the <kompass-explorer> custom element.
//
// Loads wasm_exec.js, kompass.wasm and kompass.css from its own folder
// (relative to import.meta.url), starts the Go program once per page, and
// mounts every <kompass-explorer> element into its own shadow root. No
// inline script or style and no eval: it runs under the CSP
// "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'".
//
// Start-up runs in parallel: as soon as this module runs it starts
// fetching and compiling kompass.wasm (compileStreaming needs no imports),
// loading wasm_exec.js and fetching the CSS; each element, when connected,
// starts fetching its data files. The Go program takes the prefetched data
// through globalThis.__kompassFetch.
//
// Hooks for tests and pages: the element's data-state attribute (and its
// read-only kompassState property) is "loading", "ready" or "error".

// VERSION is set by `make dist` to a fingerprint of the files beside this
// one; it is appended as ?v= so they can be cached for good.
const VERSION = "dev";

const base = new URL(".", import.meta.url);
const asset = (name) => {
  const u = new URL(name, base);
  if (VERSION !== "dev") u.searchParams.set("v", VERSION);
  return u.href;
};

let runtime = null; // Promise: the Go program has registered __kompassMount
let sheet = null; // Promise: the shared CSSStyleSheet, or null without CSSOM support
let module = null; // Promise: the compiled kompass.wasm

let script = null; // Promise: wasm_exec.js has run

function loadScript(src) {
  if (!script) {
    script = new Promise((resolve, reject) => {
      if (globalThis.Go) return resolve();
      const s = document.createElement("script");
      s.src = src;
      s.onload = () => resolve();
      s.onerror = () => reject(new Error(`${src}: could not be loaded`));
      document.head.append(s);
    });
    script.catch(() => { script = null; });
  }
  return script;
}

function compile() {
  if (!module) {
    const url = asset("kompass.wasm");
    module = fetch(url, { credentials: "same-origin" }).then((resp) => {
      if (!resp.ok) throw new Error(`${url}: the server answered HTTP ${resp.status}`);
      if (WebAssembly.compileStreaming && (resp.headers.get("Content-Type") || "").startsWith("application/wasm")) {
        return WebAssembly.compileStreaming(resp);
      }
      return resp.arrayBuffer().then((b) => WebAssembly.compile(b));
    });
    module.catch(() => { module = null; }); // let a later element try again
  }
  return module;
}

function start() {
  if (!runtime) {
    runtime = (async () => {
      const [mod] = await Promise.all([compile(), loadScript(asset("wasm_exec.js"))]);
      const go = new globalThis.Go();
      const ready = new Promise((resolve) => { globalThis.__kompassReady = resolve; });
      const instance = await WebAssembly.instantiate(mod, go.importObject);
      go.run(instance).then(() => { runtime = null; }); // only if the program ever exits
      await ready;
    })();
    runtime.catch(() => { runtime = null; });
  }
  return runtime;
}

function styles() {
  if (!sheet) {
    sheet = (async () => {
      if (!("adoptedStyleSheets" in Document.prototype) || !("replaceSync" in CSSStyleSheet.prototype)) return null;
      const resp = await fetch(asset("kompass.css"), { credentials: "same-origin" });
      if (!resp.ok) throw new Error(`${asset("kompass.css")}: the server answered HTTP ${resp.status}`);
      const s = new CSSStyleSheet();
      s.replaceSync(await resp.text());
      return s;
    })();
    sheet.catch(() => { sheet = null; });
  }
  return sheet;
}

// Data files: an element starts fetching its strategy and portfolio when
// it is connected; the Go program takes each response once through
// __kompassFetch (a later request fetches anew). Only same-origin URLs are
// prefetched; the Go program refuses the others with a message.
const prefetched = new Map(); // absolute URL -> Promise of { ok, status, body }

function dataURL(ref) {
  try {
    const u = new URL(ref, document.baseURI);
    u.hash = "";
    return u.origin === location.origin ? u.href : null;
  } catch {
    return null;
  }
}

function fetchData(url) {
  return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(async (r) => (r.ok ? { ok: true, status: r.status, body: new Uint8Array(await r.arrayBuffer()) } : { ok: false, status: r.status }));
}

function prefetch(ref) {
  const url = ref && dataURL(ref);
  if (url && !prefetched.has(url)) {
    const p = fetchData(url);
    p.catch(() => {}); // reported when the Go program takes it
    prefetched.set(url, p);
  }
}

globalThis.__kompassFetch = (url) => {
  const key = dataURL(url) || url;
  const p = prefetched.get(key);
  if (p) {
    prefetched.delete(key);
    return p;
  }
  return fetchData(url);
};

// applier returns the function the Go program renders through: it applies
// a JSON array of DOM operations (see explorer.Batch) to root's subtree.
// Text is set as text and attribute values as values, never as markup.
function applier(root) {
  const nodes = new Map([[0, root]]);
  const ids = new WeakMap();
  const forget = (n) => {
    const id = ids.get(n);
    if (id !== undefined) nodes.delete(id);
    for (let c = n.firstChild; c; c = c.nextSibling) forget(c);
  };
  const put = (id, n) => { nodes.set(id, n); ids.set(n, id); };
  return (json) => {
    const a = JSON.parse(json);
    for (let i = 0; i < a.length;) {
      const el = nodes.get(a[i + 1]);
      switch (a[i]) {
        case 1: put(a[i + 1], document.createElement(a[i + 2])); i += 3; break;
        case 2: put(a[i + 1], document.createTextNode(a[i + 2])); i += 3; break;
        case 3: el.nodeValue = a[i + 2]; i += 3; break;
        case 4: {
          const [name, value] = [a[i + 2], a[i + 3]];
          if (name === "value") {
            if (el.value !== value) el.value = value; // the live value, not only the default
          } else {
            if (name === "selected") el.selected = true;
            el.setAttribute(name, value);
          }
          i += 4;
          break;
        }
        case 5: {
          const name = a[i + 2];
          if (name === "value") {
            el.value = "";
          } else {
            if (name === "selected") el.selected = false;
            el.removeAttribute(name);
          }
          i += 3;
          break;
        }
        case 6:
          if (a[i + 3] === "") el.style.removeProperty(a[i + 2]);
          else el.style.setProperty(a[i + 2], a[i + 3]);
          i += 4;
          break;
        case 7: el.insertBefore(nodes.get(a[i + 2]), a[i + 3] < 0 ? null : nodes.get(a[i + 3])); i += 4; break;
        case 8: {
          const c = nodes.get(a[i + 2]);
          el.removeChild(c);
          forget(c);
          i += 3;
          break;
        }
        default: throw new Error(`kompass: unknown DOM operation ${a[i]}`);
      }
    }
  };
}

class KompassExplorer extends HTMLElement {
  static observedAttributes = ["strategy", "portfolio", "lang", "focus", "view", "heading-level"];

  #handle = null;
  #mounting = false;

  /** "loading", "ready" or "error" (the data-state attribute). */
  get kompassState() { return this.getAttribute("data-state"); }

  connectedCallback() {
    if (this.#handle || this.#mounting) return;
    prefetch(this.getAttribute("strategy"));
    prefetch(this.getAttribute("portfolio"));
    const root = this.shadowRoot || this.attachShadow({ mode: "open" });
    root.replaceChildren(document.createElement("slot")); // the static fallback shows until the first render
    this.setAttribute("data-state", "loading");
    this.#mounting = true;
    Promise.all([start(), styles()])
      .then(([, s]) => {
        if (s) {
          root.adoptedStyleSheets = [s];
        } else {
          const link = document.createElement("link");
          link.rel = "stylesheet";
          link.href = asset("kompass.css");
          root.prepend(link);
        }
        if (this.isConnected) this.#handle = globalThis.__kompassMount(this, root, applier(root));
      })
      .catch((err) => this.#fail(root, err))
      .finally(() => { this.#mounting = false; });
  }

  disconnectedCallback() {
    if (this.#handle) {
      this.#handle.unmount();
      this.#handle = null;
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (this.#handle && oldValue !== newValue) this.#handle.update();
  }

  #fail(root, err) {
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.setAttribute("data-testid", "error");
    p.setAttribute("part", "error");
    p.textContent = `Kompass: ${err && err.message ? err.message : err}`;
    root.replaceChildren(p, document.createElement("slot"));
    this.setAttribute("data-state", "error");
  }
}

if (!customElements.get("kompass-explorer")) {
  // Start loading now, before the elements on the page are upgraded (and
  // fetch their data); a failure here is reported by the elements.
  start().catch(() => {});
  styles().catch(() => {});
  customElements.define("kompass-explorer", KompassExplorer);
}
