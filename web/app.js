// Starts the page: loads the app's WebAssembly (its main mounts the Yew app
// on the body) and registers the service worker that keeps the site usable
// offline. No inline script: the Content-Security-Policy allows none.
import init from "./pkg/sdr-app.js";

await init({ module_or_path: new URL("./pkg/sdr-app_bg.wasm", import.meta.url) });

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("./sw.js").catch((error) => {
    console.warn("service worker not registered:", error);
  });
}
