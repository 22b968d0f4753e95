// End-to-end: the page in headless Chromium reviews a generated certificate.
// Loads the site from the local server, gives it a generated AU-BEEF
// certificate and its declaration, waits for the verdict, checks the
// template, a field value and the verdict, switches to Chinese, and checks
// that no request carried the certificate's bytes, then reloads offline
// (service worker cache) and reviews again. Screenshots go to
// test-output/browser/. Run: node --test tests/browser/ (after
// scripts/build-web.sh).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

import { chromiumArgs, outputDir, requireSite, startServer, synth } from "./harness.mjs";

let server;
let browser;

before(async () => {
  requireSite();
  server = await startServer();
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test("a generated AU-BEEF certificate is reviewed in the page", { timeout: 600_000 }, async () => {
  // The certificate, its answer key and its declaration.
  const dir = synth(["--template", "AU-BEEF", "--count", "1", "--seed", "3"]);
  const files = readdirSync(dir);
  const certificate = path.join(dir, files.find((f) => /\.(pdf|png|jpg)$/.test(f)));
  const declaration = path.join(dir, files.find((f) => f.endsWith(".declaration.json")));
  const key = JSON.parse(readFileSync(path.join(dir, files.find((f) => f.endsWith(".key.json")))));
  const certificateBytes = readFileSync(certificate);

  // Record every request the page and its workers make.
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const requests = [];
  context.on("request", (r) => requests.push({ url: r.url(), method: r.method(), body: r.postDataBuffer() }));
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));

  // First load: until the drop zone shows, then until the models are ready.
  const loadStart = Date.now();
  await page.goto(server.url);
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
  await page.screenshot({ path: path.join(outputDir, "review-en.png"), fullPage: true });
  console.log(
    `first load ${firstLoadMs} ms; models ready ${readyMs} ms (worker init ${initMs} ms); ` +
      `drop to verdict ${verdictMs} ms (page clock ${pageVerdictMs} ms), ${key.pages} page(s)`,
  );

  // The template, a field and the verdict.
  assert.equal(await page.textContent("#template-id"), "AU-BEEF");
  assert.equal(await page.textContent("#template-version"), key.version);
  const number = await page.textContent('tr[data-field="certificate_number"] td.value');
  assert.equal(number, key.fields.certificate_number);
  const decision = await page.getAttribute("#verdict", "data-decision");
  assert.ok(["release", "manual-check", "hold"].includes(decision), decision);
  assert.equal(await page.textContent("#verdict-decision"), { release: "Release", "manual-check": "Manual check", hold: "Hold" }[decision]);

  // Chinese: labels and the verdict change language.
  await page.click("#lang-switch");
  assert.equal(await page.textContent("#fields h2"), "字段");
  assert.equal(await page.textContent("#verdict-decision"), { release: "放行", "manual-check": "人工核查", hold: "扣留" }[decision]);
  assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
  await page.screenshot({ path: path.join(outputDir, "review-zh.png"), fullPage: true });

  // Privacy: only GETs to this origin, none with a body, none naming the file.
  assert.ok(requests.length > 5, `only ${requests.length} requests recorded`);
  for (const r of requests) {
    assert.ok(r.url.startsWith(server.url), `request to another origin: ${r.url}`);
    assert.equal(r.method, "GET", `${r.method} ${r.url}`);
    assert.ok(!r.body || r.body.length === 0, `request with a body: ${r.url}`);
    assert.ok(!r.url.includes(path.basename(certificate)), `request names the file: ${r.url}`);
  }
  assert.ok(certificateBytes.length > 1000);
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
  await page.setInputFiles("#certificate-input", certificate);
  await page.waitForSelector("#verdict", { timeout: 300_000 });
  assert.equal(await page.textContent("#template-id"), "AU-BEEF");
  await page.screenshot({ path: path.join(outputDir, "review-offline.png"), fullPage: true });
  await context.close();
});
