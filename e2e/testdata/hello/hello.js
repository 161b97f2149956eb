// hello.js loads wasm_exec.js and hello.wasm from its own folder the way
// kompass.js loads the widget: it starts fetching and compiling the wasm
// (compileStreaming) while the script element loads wasm_exec.js, so the
// floor the widget's first render is compared with starts the same way.
// It marks the stages kompass.js marks (hello:wasm-response,
// hello:wasm-compiled, hello:go-start) for the benchmarks.
const base = new URL(".", import.meta.url);

const mark = (name) => (v) => { performance.mark(name); return v; };
const compiled = WebAssembly.compileStreaming(
  fetch(new URL("hello.wasm", base).href, { credentials: "same-origin" }).then(mark("hello:wasm-response")),
).then(mark("hello:wasm-compiled"));
await new Promise((resolve, reject) => {
  const s = document.createElement("script");
  s.src = new URL("wasm_exec.js", base).href;
  s.onload = () => resolve();
  s.onerror = () => reject(new Error("wasm_exec.js could not be loaded"));
  document.head.append(s);
});
const go = new globalThis.Go();
const instance = await WebAssembly.instantiate(await compiled, go.importObject);
performance.mark("hello:go-start");
go.run(instance);
