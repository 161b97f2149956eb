// kompass.js — the <kompass-explorer> custom element.
//
// Loads wasm_exec.js, kompass.wasm and kompass.css from its own folder
// (relative to import.meta.url), starts the Go program once per page, and
// mounts every <kompass-explorer> element into its own shadow root. No
// inline script or style and no eval: it runs under the CSP
// "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'".
//
// It is the loader and the element's shell, no more: the Go program does
// all DOM work inside the shadow root (honnef.co/go/js/dom/v2), decides what
// to load and show, and reports data errors itself.
//
// Start-up runs in parallel: as soon as this module runs it starts
// fetching and compiling kompass.wasm (compileStreaming needs no imports),
// loading wasm_exec.js and fetching the CSS; each element, when connected,
// starts fetching its data files. The Go program takes the prefetched data
// through globalThis.__kompassFetch. Elements share all of it.
//
// When the program itself cannot start (kompass.wasm or wasm_exec.js
// missing or broken), the element keeps its static fallback and shows above
// it a short message in the page's language, with the reason behind a
// disclosure: the only texts this file carries.
//
// Hooks for tests and pages: the element's data-state attribute (and its
// read-only kompassState property) is "loading", "shown" (the view is on
// screen, its charts follow after the browser painted it), "ready" (complete,
// charts included, and its filters' code warmed up) or "error".

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
      if (!resp.ok) throw new Error(`${url}: HTTP ${resp.status}`);
      performance.mark("kompass:wasm-response");
      if (WebAssembly.compileStreaming && (resp.headers.get("Content-Type") || "").startsWith("application/wasm")) {
        return WebAssembly.compileStreaming(resp);
      }
      return resp.arrayBuffer().then((b) => WebAssembly.compile(b));
    }).then((m) => { performance.mark("kompass:wasm-compiled"); return m; });
    module.catch(() => { module = null; }); // let a later element try again
  }
  return module;
}

function start() {
  if (!runtime) {
    runtime = (async () => {
      const [mod] = await Promise.all([compile(), loadScript(asset("wasm_exec.js"))]);
      const go = new globalThis.Go();
      let exited;
      const ready = new Promise((resolve, reject) => {
        globalThis.__kompassReady = resolve;
        exited = reject;
      });
      const instance = await WebAssembly.instantiate(mod, go.importObject);
      performance.mark("kompass:go-start");
      // The program never exits; if it does before it is ready (a crash at
      // start), the elements say so instead of waiting for ever.
      go.run(instance).then(
        () => { runtime = null; exited(new Error("kompass.wasm: the program exited")); },
        (err) => { runtime = null; exited(err); });
      await ready;
      performance.mark("kompass:go-ready");
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

// fetchData resolves to { status, type, body } (body only for a 2xx
// answer); the Go program decides what an answer means.
function fetchData(url) {
  return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(async (r) => ({
      status: r.status,
      type: r.headers.get("Content-Type") || "",
      body: r.ok ? new Uint8Array(await r.arrayBuffer()) : null,
    }));
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

// Texts for what shows before the Go program runs, and for the one error
// it cannot report, that it did not start: the same words as its own
// error notice and loading line, in de, fr, it and en.
const NOTICE = {
  de: ["Die interaktive Ansicht ist nicht verfügbar.", "Technische Details", "Daten werden geladen …"],
  fr: ["La vue interactive n’est pas disponible.", "Détails techniques", "Chargement des données …"],
  it: ["La vista interattiva non è disponibile.", "Dettagli tecnici", "Caricamento dei dati …"],
  en: ["The interactive view is not available.", "Technical details", "Loading data …"],
};

// pageLang is the element's language: its lang attribute, else the page's,
// reduced to de, fr, it or en (default de).
function pageLang(el) {
  const tag = (el.getAttribute("lang") || document.documentElement.getAttribute("lang") || "").trim().toLowerCase();
  const primary = tag.split(/[-_]/)[0];
  return primary in NOTICE ? primary : "de";
}

class KompassExplorer extends HTMLElement {
  static observedAttributes = ["strategy", "portfolio", "lang", "focus", "view", "heading-level"];

  #handle = null;
  #mounting = false;

  /** "loading", "shown", "ready" or "error" (the data-state attribute). */
  get kompassState() { return this.getAttribute("data-state"); }

  connectedCallback() {
    if (this.#handle || this.#mounting) return;
    prefetch(this.getAttribute("strategy"));
    prefetch(this.getAttribute("portfolio"));
    const root = this.shadowRoot || this.attachShadow({ mode: "open" });
    // Until the Go program renders: the static fallback, or a loading line
    // when the element has none (never a blank box). The program removes
    // what carries data-kx-shell.
    const slot = document.createElement("slot");
    slot.setAttribute("data-kx-shell", "");
    if (this.textContent.trim() === "") {
      const p = document.createElement("p");
      p.className = "kx kx-loading";
      p.setAttribute("role", "status");
      p.setAttribute("data-kx-shell", "");
      p.setAttribute("data-testid", "loading");
      p.textContent = NOTICE[pageLang(this)][2];
      root.replaceChildren(p, slot);
    } else {
      root.replaceChildren(slot);
    }
    this.setAttribute("data-state", "loading");
    this.#mounting = true;
    // The styles apply as soon as they come, to an error notice too.
    const css = styles().then((s) => {
      if (s) {
        root.adoptedStyleSheets = [s];
      } else {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = asset("kompass.css");
        root.prepend(link);
      }
    });
    Promise.all([start(), css])
      .then(() => {
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

  // #fail keeps the static fallback (the <slot>) and puts the notice above it.
  #fail(root, err) {
    const lang = pageLang(this);
    const [title, details] = NOTICE[lang];
    const box = document.createElement("div");
    box.className = "kx kx-error";
    box.setAttribute("part", "root error");
    box.setAttribute("lang", lang);
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "error");
    const p = document.createElement("p");
    p.className = "kx-error-title";
    p.setAttribute("data-testid", "error-title");
    p.textContent = title;
    const d = document.createElement("details");
    d.className = "kx-error-details";
    d.setAttribute("part", "error-details");
    d.setAttribute("data-testid", "error-details");
    const summary = document.createElement("summary");
    summary.textContent = details;
    const reason = document.createElement("p");
    reason.className = "kx-error-reason";
    reason.setAttribute("data-testid", "error-reason");
    reason.setAttribute("lang", "en");
    reason.textContent = String(err && err.message ? err.message : err);
    d.append(summary, reason);
    box.append(p, d);
    const slot = document.createElement("slot");
    slot.setAttribute("data-testid", "fallback");
    root.replaceChildren(...root.querySelectorAll("link"), box, slot);
    performance.mark("kompass:error");
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
