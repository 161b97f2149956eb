// kompass.js — the <kompass-explorer> custom element.
//
// Loads wasm_exec.js, kompass.wasm and kompass.css from its own folder
// (relative to import.meta.url), starts the Go program once per page, and
// mounts every <kompass-explorer> element into its own shadow root. No
// inline script or style and no eval: it runs under the CSP
// "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'".
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

function loadScript(src) {
  return new Promise((resolve, reject) => {
    if (globalThis.Go) return resolve();
    const s = document.createElement("script");
    s.src = src;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`${src}: could not be loaded`));
    document.head.append(s);
  });
}

async function instantiate(url, imports) {
  const resp = await fetch(url, { credentials: "same-origin" });
  if (!resp.ok) throw new Error(`${url}: the server answered HTTP ${resp.status}`);
  if (WebAssembly.instantiateStreaming && (resp.headers.get("Content-Type") || "").startsWith("application/wasm")) {
    return WebAssembly.instantiateStreaming(resp, imports);
  }
  return WebAssembly.instantiate(await resp.arrayBuffer(), imports);
}

function start() {
  if (!runtime) {
    runtime = (async () => {
      await loadScript(asset("wasm_exec.js"));
      const go = new globalThis.Go();
      const ready = new Promise((resolve) => { globalThis.__kompassReady = resolve; });
      const { instance } = await instantiate(asset("kompass.wasm"), go.importObject);
      go.run(instance).then(() => { runtime = null; }); // only if the program ever exits
      await ready;
    })();
    runtime.catch(() => { runtime = null; }); // let a later element try again
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
  }
  return sheet;
}

class KompassExplorer extends HTMLElement {
  static observedAttributes = ["strategy", "portfolio", "lang", "focus", "view"];

  #handle = null;
  #mounting = false;

  /** "loading", "ready" or "error" (the data-state attribute). */
  get kompassState() { return this.getAttribute("data-state"); }

  connectedCallback() {
    if (this.#handle || this.#mounting) return;
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
        if (this.isConnected) this.#handle = globalThis.__kompassMount(this, root);
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
  customElements.define("kompass-explorer", KompassExplorer);
}
