// End-to-end: the page in headless Chromium reviews a generated certificate.
// Loads the site from the local server, gives it a generated AU-BEEF
// certificate with a planted declaration mismatch (weight-mismatch, rule M4)
// and its declaration, waits for the verdict, checks the template, field
// values from the answer key, the failed M4 finding and the verdict,
// switches to Chinese and checks the translated finding, checks that no
// request carried the certificate's bytes (only bodiless GETs of the site's
// own files), then reloads offline (service worker cache) and reviews the certificate
// with its declaration again. Screenshots go to
// test-output/browser/. Run: node --test tests/browser/ (after
// scripts/build-web.sh).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { messageParts, outputDir, rule, serverAndBrowser, site, synth } from "./harness.mjs";

const session = serverAndBrowser();

test("a generated AU-BEEF certificate is reviewed in the page", { timeout: 600_000 }, async () => {
  // The certificate, its answer key and its declaration.
  const dir = synth(["--template", "AU-BEEF", "--count", "1", "--seed", "3", "--faults", "weight-mismatch"]);
  const files = readdirSync(dir);
  const certificate = path.join(dir, files.find((f) => /\.(pdf|png|jpg)$/.test(f)));
  const declaration = path.join(dir, files.find((f) => f.endsWith(".declaration.json")));
  const key = JSON.parse(readFileSync(path.join(dir, files.find((f) => f.endsWith(".key.json")))));
  const certificateBytes = readFileSync(certificate);
  assert.deepEqual(key.faults, [{ fault: "weight-mismatch", rules: ["M4"] }]);
  assert.equal(key.expected_verdict, "hold");

  // Record every request the page and its workers make.
  const context = await session.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const requests = [];
  context.on("request", (r) => requests.push({ url: r.url(), method: r.method(), body: r.postDataBuffer() }));
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));

  // First load: until the drop zone shows, then until the models are ready.
  const loadStart = Date.now();
  await page.goto(session.server.url);
  await page.waitForSelector("#drop-zone");
  const firstLoadMs = Date.now() - loadStart;
  await page.waitForSelector("#engine-status.ready", { timeout: 120_000 });
  const readyMs = Date.now() - loadStart;
  const initMs = Number(await page.getAttribute("#engine-status", "data-init-ms"));

  // The declaration, then the certificate; wait for the verdict.
  await page.setInputFiles("#declaration-input", declaration);
  await page.waitForSelector(`#declaration-name:text("${path.basename(declaration)}")`);
  const dropStart = Date.now();
  await page.setInputFiles("#certificate-input", certificate);
  await page.waitForSelector("#verdict", { timeout: 300_000 });
  const verdictMs = Date.now() - dropStart;
  const pageVerdictMs = Number(await page.getAttribute("#verdict-ms", "data-ms"));
  // The workers' WebAssembly memory holds at least the two models (tract
  // plans them in memory) and stays far from the 4 GiB wasm32 ceiling.
  const wasmBytes = Number(await page.getAttribute("#verdict", "data-wasm-bytes"));
  assert.ok(wasmBytes > 16e6 && wasmBytes < 2e9, `wasm memory ${wasmBytes} bytes`);
  await page.screenshot({ path: path.join(outputDir, "review-en.png"), fullPage: true });
  console.log(
    `first load ${firstLoadMs} ms; models ready ${readyMs} ms (worker init ${initMs} ms); ` +
      `drop to verdict ${verdictMs} ms (page clock ${pageVerdictMs} ms), ${key.pages} page(s); ` +
      `wasm memory ${(wasmBytes / 1e6).toFixed(1)} MB`,
  );

  // The template, field values from the answer key, and the verdict.
  assert.equal(await page.textContent("#template-id"), "AU-BEEF");
  assert.equal(await page.textContent("#template-version"), key.version);
  for (const name of ["certificate_number", "net_weight", "containers", "issue_date"]) {
    const value = await page.textContent(`tr[data-field="${name}"] td.value`);
    assert.equal(value, key.fields[name], `field ${name}`);
  }
  // The declared net weight differs from the printed one (the planted mismatch).
  const declared = JSON.parse(readFileSync(declaration, "utf8"));
  const netRow = await page.$$eval('tr[data-field="net_weight"] td', (cells) => cells.map((c) => c.textContent));
  assert.ok(netRow[2] && Number.parseFloat(netRow[2]) === declared.net_weight_kg, `declared cell ${netRow[2]}`);
  assert.notEqual(Number.parseFloat(netRow[2]), Number.parseFloat(key.fields.net_weight));
  const decision = await page.getAttribute("#verdict", "data-decision");
  assert.equal(decision, "hold");
  assert.equal(await page.textContent("#verdict-decision"), "Hold");

  // The planted mismatch is a failed finding, listed first, worded from rules.json.
  const m4 = page.locator('#findings li.finding[data-rule="M4"]').first();
  assert.equal(await m4.getAttribute("class").then((c) => c.split(" ").includes("fail")), true);
  assert.equal(await page.locator("#findings ul.findings").first().locator("li").first().getAttribute("data-rule"), "M4");
  const m4En = await m4.locator(".message").textContent();
  for (const part of messageParts(rule("M4").message.en)) {
    assert.ok(m4En.includes(part), `M4 message ${JSON.stringify(m4En)} lacks ${JSON.stringify(part)}`);
  }
  assert.ok(m4En.includes(key.fields.net_weight), m4En);

  // Chinese: labels, the verdict and the finding change language.
  await page.click("#lang-switch");
  assert.equal(await page.textContent("#fields h2"), "字段");
  assert.equal(await page.textContent("#verdict-decision"), "扣留");
  assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
  const m4Zh = await m4.locator(".message").textContent();
  for (const part of messageParts(rule("M4").message.zh)) {
    assert.ok(m4Zh.includes(part), `M4 message ${JSON.stringify(m4Zh)} lacks ${JSON.stringify(part)}`);
  }
  assert.equal(await m4.locator(".outcome").textContent(), "不通过");
  await page.screenshot({ path: path.join(outputDir, "review-zh.png"), fullPage: true });
  await page.click("#lang-switch");

  // Privacy: only bodiless GETs of the site's own files; no URL holds the
  // file's name or any run of its bytes.
  assertPrivate(requests, session.server.url, certificate, certificateBytes);
  assert.deepEqual(errors, []);

  // Offline: once the service worker has cached the site, a reload with the
  // network off still reviews the certificate.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!registration.active) throw new Error("no active service worker");
  });
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector("#engine-status.ready", { timeout: 120_000 });
  await page.setInputFiles("#declaration-input", declaration);
  await page.waitForSelector(`#declaration-name:text("${path.basename(declaration)}")`);
  await page.setInputFiles("#certificate-input", certificate);
  await page.waitForSelector("#verdict", { timeout: 300_000 });
  assert.equal(await page.textContent("#template-id"), "AU-BEEF");
  assert.equal(await page.getAttribute("#verdict", "data-decision"), "hold");
  assert.equal(await page.textContent('tr[data-field="certificate_number"] td.value'), key.fields.certificate_number);
  await page.screenshot({ path: path.join(outputDir, "review-offline.png"), fullPage: true });
  assertPrivate(requests, session.server.url, certificate, certificateBytes);
  await context.close();
});

/**
 * Asserts that every recorded request is a GET without a body of a file the
 * site holds (or the site's root), on the server's origin, and that no URL
 * names the certificate or carries a run of its bytes (raw, hex or base64).
 */
function assertPrivate(requests, origin, certificate, bytes) {
  assert.ok(requests.length > 5, `only ${requests.length} requests recorded`);
  const runs = [];
  for (let at = 0; at + 24 <= bytes.length; at += Math.max(24, Math.floor(bytes.length / 64))) {
    const run = bytes.subarray(at, at + 24);
    runs.push(run.toString("hex"), run.toString("base64"), run.toString("base64url"));
  }
  for (const r of requests) {
    assert.ok(r.url.startsWith(origin), `request to another origin: ${r.url}`);
    assert.equal(r.method, "GET", `${r.method} ${r.url}`);
    assert.ok(!r.body || r.body.length === 0, `request with a body: ${r.url}`);
    assert.ok(!r.url.includes(path.basename(certificate)), `request names the file: ${r.url}`);
    const file = decodeURIComponent(new URL(r.url).pathname);
    assert.ok(file === "/" || existsSync(path.join(site, file)), `not a file of the site: ${r.url}`);
    for (const run of runs) {
      assert.ok(!r.url.includes(run), `request URL carries certificate bytes: ${r.url}`);
    }
  }
  assert.ok(bytes.length > 1000);
}
