// End-to-end: the officer screen and the enterprise pre-check in headless
// Chromium. A generated AU-BEEF certificate's declaration is loaded into the
// form, its net weight typed differently, and the certificate reviewed: the
// net-weight rule (M4) must fail with the typed value in the fields table.
// Then: zoom, one finding confirmed and M4 overridden (after a refused blank
// reason), the JSON export holding both decisions, and enterprise mode's
// fix-before-declaring list in English and Chinese; last, a paste event
// carrying the PDF (built in the page: no real clipboard) is reviewed.
// Screenshots go to test-output/browser/officer-*.png. Run:
// node --test tests/browser/ (after scripts/build-web.sh).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { outputDir, serverAndBrowser, synth } from "./harness.mjs";

const session = serverAndBrowser();

/** Milliseconds since `start`, for the log. */
const since = (start) => Date.now() - start;

test("officer: typed declaration, zoom, decisions, export; enterprise: fix list", { timeout: 600_000 }, async () => {
  const dir = synth(["--template", "AU-BEEF", "--count", "1", "--seed", "5"]);
  const files = readdirSync(dir);
  const certificate = path.join(dir, files.find((f) => /\.(pdf|png|jpg)$/.test(f)));
  const declarationFile = path.join(dir, files.find((f) => f.endsWith(".declaration.json")));
  const declared = JSON.parse(readFileSync(declarationFile, "utf8"));

  const context = await session.browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));

  const start = Date.now();
  await page.goto(session.server.url);
  await page.waitForSelector("#drop-zone");
  await page.waitForSelector("#engine-status.ready", { timeout: 120_000 });
  const readyMs = since(start);

  // The mode switch: officer by default.
  assert.equal(await page.getAttribute("#mode-officer", "aria-pressed"), "true");
  assert.equal(await page.getAttribute("#mode-enterprise", "aria-pressed"), "false");

  // The declaration file fills the form.
  await page.setInputFiles("#declaration-input", declarationFile);
  await page.click("#declaration-form summary");
  assert.equal(await page.inputValue("#decl-certificate_number"), declared.certificate_number);
  assert.equal(Number(await page.inputValue("#decl-net_weight_kg")), declared.net_weight_kg);
  assert.equal(await page.inputValue("#decl-container-0"), declared.containers[0].number);

  // A bad value is refused with a clear message, in both languages.
  await page.fill("#decl-origin_country", "Australia");
  assert.equal(
    await page.textContent("#error-origin_country"),
    'Country "Australia" is not a two-letter ISO code such as AU.',
  );
  assert.equal(await page.getAttribute("#form-status", "data-valid"), "false");
  await page.click("#lang-switch");
  assert.equal(await page.textContent("#error-origin_country"), "国家“Australia”不是两位字母的 ISO 代码（如 AU）。");
  await page.click("#lang-switch");
  await page.fill("#decl-origin_country", declared.origin_country);
  assert.equal(await page.getAttribute("#form-status", "data-valid"), "true");

  // A typed net weight 500 kg under the certificate's (tolerance: 0.5 %).
  const typedNet = declared.net_weight_kg - 500;
  await page.fill("#decl-net_weight_kg", String(typedNet));
  assert.equal(await page.getAttribute("#form-status", "data-valid"), "true");
  await page.screenshot({ path: path.join(outputDir, "officer-form.png"), fullPage: true });

  const dropStart = Date.now();
  await page.setInputFiles("#certificate-input", certificate);
  await page.waitForSelector("#verdict", { timeout: 300_000 });
  const verdictMs = since(dropStart);

  // M4 fails and the table shows the typed declaration value.
  const m4 = page.locator('#findings li.finding[data-rule="M4"]');
  assert.ok((await m4.getAttribute("class")).split(" ").includes("fail"));
  const netRow = await page.$$eval('tr[data-field="net_weight"] td', (cells) => cells.map((c) => c.textContent));
  assert.equal(Number.parseFloat(netRow[2]), typedNet, `declared cell ${netRow[2]}`);
  assert.equal(await page.getAttribute("#verdict", "data-decision"), "hold");
  // Most severe first: the first finding listed fails.
  const first = page.locator("#findings ul.findings").first().locator("li.finding").first();
  assert.ok((await first.getAttribute("class")).split(" ").includes("fail"));

  // Zoom: the button and the wheel change the page's scale.
  const widthAt = async () => (await page.locator("#page-viewport canvas.image").boundingBox()).width;
  const fitWidth = await widthAt();
  assert.equal(await page.getAttribute("#page-viewport", "data-zoom"), "100");
  await page.click("#zoom-in");
  assert.equal(await page.getAttribute("#page-viewport", "data-zoom"), "125");
  const zoomedWidth = await widthAt();
  assert.ok(Math.abs(zoomedWidth / fitWidth - 1.25) < 0.02, `width ${fitWidth} -> ${zoomedWidth}`);
  await page.hover("#page-viewport");
  await page.mouse.wheel(0, -100);
  await page.waitForSelector('#page-viewport[data-zoom="150"]');
  // Dragging pans (scrolls) the zoomed page.
  const box = await page.locator("#page-viewport").boundingBox();
  const scrollBefore = await page.$eval("#page-viewport", (v) => v.scrollLeft);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  const scrollAfter = await page.$eval("#page-viewport", (v) => v.scrollLeft);
  assert.ok(scrollAfter > scrollBefore, `scrollLeft ${scrollBefore} -> ${scrollAfter}`);
  await page.click("#zoom-fit");
  assert.equal(await page.getAttribute("#page-viewport", "data-zoom"), "100");
  // Thumbnails for the certificate's pages.
  const pages = await page.locator(".thumbs .thumb").count();
  if (pages > 1) {
    await page.click("#thumb-2");
    assert.equal(await page.getAttribute("#page-viewport", "data-page"), "2");
  }

  // A click on M4 selects it (its evidence is drawn on its page).
  await m4.locator(".message").click();
  assert.ok((await m4.getAttribute("class")).split(" ").includes("selected"));
  await page.screenshot({ path: path.join(outputDir, "officer-review.png"), fullPage: true });

  // Decisions: an override needs a reason; confirm a passing finding.
  await page.click("#override-M4");
  await page.waitForSelector("#reason-error-M4");
  assert.equal(await page.textContent("#reason-error-M4"), "An override needs a reason.");
  await page.fill("#reason-M4", "weighbridge ticket shows the declared weight");
  await page.click("#override-M4");
  assert.equal(await page.getAttribute("#decision-M4", "data-decision"), "overridden");
  const passing = await page.$eval("#findings details", (d) => {
    d.open = true;
    return d.querySelector("li.finding.pass")?.dataset.rule;
  });
  assert.ok(passing, "no passing finding");
  await page.click(`#confirm-${passing}`);
  assert.equal(await page.getAttribute(`#decision-${passing}`, "data-decision"), "confirmed");
  assert.equal(await page.getAttribute("#decided", "data-count"), "2");

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
  const expectedName = `review-${declared.certificate_number.replace(/[^A-Za-z0-9]/g, "-")}.json`;
  assert.equal(download.suggestedFilename(), expectedName);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(exported.file, path.basename(certificate));
  assert.equal(exported.report.verdict.decision, "hold");
  const byRule = Object.fromEntries(exported.decisions.map((d) => [d.rule, d]));
  assert.deepEqual(byRule.M4, {
    rule: "M4",
    decision: "overridden",
    reason: "weighbridge ticket shows the declared weight",
  });
  assert.deepEqual(byRule[passing], { rule: passing, decision: "confirmed" });
  assert.equal(exported.decisions.length, 2);

  // Print: the print stylesheet hides the controls.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.isVisible("#export-json"), false);
  assert.equal(await page.isVisible("#confirm-M4, #undo-M4"), false);
  assert.equal(await page.isVisible("#verdict"), true);
  await page.screenshot({ path: path.join(outputDir, "officer-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });

  // Enterprise mode: the form comes first and the findings become a fix list.
  await page.click("#mode-enterprise");
  assert.equal(await page.getAttribute("#mode-enterprise", "aria-pressed"), "true");
  const formFirst = await page.evaluate(
    () =>
      document.querySelector("#declaration-form").compareDocumentPosition(document.querySelector("#drop-zone")) &
      Node.DOCUMENT_POSITION_FOLLOWING,
  );
  assert.ok(formFirst, "the form is not before the drop zone");
  assert.ok((await page.getAttribute("#declaration-form", "open")) !== null, "the form is folded");
  const fix = page.locator('#fix-list li.fix[data-rule="M4"] .message');
  const group = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  assert.equal(
    await fix.textContent(),
    `Fix before declaring: net weight differs: certificate ${group(declared.net_weight_kg)} kg, declaration ${group(typedNet)} kg`,
  );
  assert.equal(await page.locator("#confirm-M4").count(), 0);
  await page.screenshot({ path: path.join(outputDir, "officer-enterprise.png"), fullPage: true });
  await page.click("#lang-switch");
  assert.equal(await page.textContent("#fix-list h2"), "申报前需更正");
  assert.equal(
    await fix.textContent(),
    `申报前请更正：净重不一致：证书为 ${group(declared.net_weight_kg)} kg，申报为 ${group(typedNet)} kg`,
  );
  await page.screenshot({ path: path.join(outputDir, "officer-enterprise-zh.png"), fullPage: true });

  // Fixing the declaration and reviewing again clears the weight from the list.
  await page.click("#lang-switch");
  await page.fill("#decl-net_weight_kg", String(declared.net_weight_kg));
  await page.click("#review-again");
  await page.waitForSelector("#verdict", { timeout: 300_000 });
  await page.waitForSelector("#fix-list");
  assert.equal(await page.locator('#fix-list li.fix[data-rule="M4"]').count(), 0);

  // Paste: a paste event on the document carrying the PDF reviews it.
  await page.click("#mode-officer");
  const base64 = readFileSync(certificate).toString("base64");
  await page.evaluate((data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], "pasted.pdf", { type: "application/pdf" }));
    document.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true }));
  }, base64);
  await page.waitForSelector('.steps .file:text("pasted.pdf")');
  await page.waitForSelector("#verdict", { timeout: 300_000 });
  assert.equal(await page.textContent('tr[data-field="certificate_number"] td.value'), declared.certificate_number);

  assert.deepEqual(errors, []);
  console.log(`officer: models ready ${readyMs} ms; drop to verdict ${verdictMs} ms; total ${since(start)} ms`);
  await context.close();
});
