// hello.js loads wasm_exec.js and hello.wasm from its own folder the way
// kompass.js loads the widget (script element, instantiateStreaming).
const base = new URL(".", import.meta.url);

await new Promise((resolve, reject) => {
  const s = document.createElement("script");
  s.src = new URL("wasm_exec.js", base).href;
  s.onload = () => resolve();
  s.onerror = () => reject(new Error("wasm_exec.js could not be loaded"));
  document.head.append(s);
});
const go = new globalThis.Go();
const resp = await fetch(new URL("hello.wasm", base).href, { credentials: "same-origin" });
const { instance } = await WebAssembly.instantiateStreaming(resp, go.importObject);
go.run(instance);
