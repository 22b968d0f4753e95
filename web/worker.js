// The review worker: loads the worker's WebAssembly, whose main loads the
// models and the data and then answers the page's messages.
import init from "./pkg/sdr-worker.js";

await init({ module_or_path: new URL("./pkg/sdr-worker_bg.wasm", import.meta.url) });
