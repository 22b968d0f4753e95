// The static server: security headers, MIME types, and no file outside the
// site folder, whatever the path says. Run: node --test tests/browser/
// (after scripts/build-web.sh).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";

import { requireSite, startServer } from "./harness.mjs";

let server;

before(async () => {
  requireSite();
  server = await startServer();
});

after(() => server?.stop());

/** A raw GET of `path` exactly as given (no normalisation); resolves to { status, headers, body }. */
function get(path, method = "GET") {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: server.port, path, method }, (response) => {
      const chunks = [];
      response.on("data", (c) => chunks.push(c));
      response.on("end", () =>
        resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

test("pages carry the CSP and cross-origin isolation headers", async () => {
  const r = await get("/");
  assert.equal(r.status, 200);
  assert.equal(r.headers["content-type"], "text/html; charset=utf-8");
  assert.equal(
    r.headers["content-security-policy"],
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; " +
      "img-src 'self' blob: data:; style-src 'self'; worker-src 'self'",
  );
  assert.equal(r.headers["cross-origin-opener-policy"], "same-origin");
  assert.equal(r.headers["cross-origin-embedder-policy"], "require-corp");
  assert.match(r.body.toString(), /<script type="module" src="app.js">/);
});

test("WebAssembly, scripts, models and data have their MIME types", async () => {
  assert.equal((await get("/pkg/sdr-app_bg.wasm")).headers["content-type"], "application/wasm");
  assert.equal((await get("/app.js")).headers["content-type"], "text/javascript; charset=utf-8");
  assert.equal((await get("/rules.json")).headers["content-type"], "application/json");
  const model = await get("/models/ppocrv6-tiny-det.onnx", "HEAD");
  assert.equal(model.status, 200);
  assert.equal(model.headers["content-type"], "application/octet-stream");
  assert.equal(model.headers["content-length"], "1780590");
});

test("paths outside the site are refused", async () => {
  for (const path of [
    "/../Cargo.toml",
    "/../../Cargo.toml",
    "/%2e%2e/Cargo.toml",
    "/%2E%2E%2FCargo.toml",
    "/pkg/..%2f..%2fCargo.toml",
    "/..%5c..%5cCargo.toml",
    "/models/../../../etc/passwd",
    "//etc/passwd",
    "/.git/config",
    "/index.html%00.png",
    "/nothing-here.js",
  ]) {
    const r = await get(path);
    assert.equal(r.status, 404, `${path}: ${r.status}`);
    assert.ok(!r.body.toString().includes("[workspace]"), path);
    assert.ok(!r.body.toString().includes("root:"), path);
  }
  assert.equal((await get("/", "POST")).status, 405);
});
