// Bad files dropped on the page: a PDF with no readable structure, a text
// file named .png, an empty .jpg and a PNG that declares 60000 x 60000
// pixels. Each gets its own typed error on the page, in English with the
// file named in the detail, and none kills the worker: a generated
// certificate dropped afterwards is reviewed as usual, and the page logs
// no uncaught error. Run: node --test tests/browser/ (after
// scripts/build-web.sh).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync, crc32 } from "node:zlib";

import { outputDir, serverAndBrowser, synth } from "./harness.mjs";

const session = serverAndBrowser();

/** A PNG chunk: length, type, data, CRC of type and data. */
function chunk(type, data) {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A well-formed PNG header that declares `width` x `height` RGB pixels. */
function pngDeclaring(width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(100))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const UNREADABLE = "This file cannot be read as a certificate (PDF, PNG, JPEG or TIFF).";
const TOO_LARGE = "This file is too large to review (too many pages or pixels).";

test("bad files get a typed error each and leave the worker reviewing", { timeout: 600_000 }, async () => {
  // The files, written where the test can drop them.
  const dir = mkdtempSync(path.join(tmpdir(), "sdr-bad-input-"));
  const bad = [
    ["broken.pdf", Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(3000, 0x5a)]), UNREADABLE],
    ["notes.png", Buffer.from("hello, this is a text file and not an image\n"), UNREADABLE],
    ["empty.jpg", Buffer.alloc(0), UNREADABLE],
    ["huge.png", pngDeclaring(60000, 60000), TOO_LARGE],
  ];
  for (const [name, bytes] of bad) {
    writeFileSync(path.join(dir, name), bytes);
  }

  const context = await session.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const uncaught = [];
  page.on("pageerror", (e) => uncaught.push(String(e)));
  await page.goto(session.server.url);
  await page.waitForSelector("#engine-status.ready", { timeout: 120_000 });

  // Each bad file: its error, naming the file in the detail.
  for (const [name, , message] of bad) {
    await page.setInputFiles("#certificate-input", path.join(dir, name));
    const error = page.locator("#review-error");
    await error.waitFor({ timeout: 60_000 });
    assert.equal(await page.textContent(".steps .file"), name);
    const detail = await error.getAttribute("title");
    assert.equal(await error.textContent(), `Error: ${message}`, `${name}: ${detail}`);
    assert.ok(detail.includes(name), `detail ${JSON.stringify(detail)} does not name ${name}`);
  }
  await page.screenshot({ path: path.join(outputDir, "bad-input.png") });

  // The worker still reviews a real certificate.
  const generated = synth(["--template", "AU-DAIRY", "--count", "1", "--seed", "8", "--faults", "none"]);
  const file = readdirSync(generated).find((f) => /\.(pdf|png|jpg)$/.test(f));
  await page.setInputFiles("#certificate-input", path.join(generated, file));
  await page.waitForSelector("#verdict", { timeout: 300_000 });
  assert.equal(await page.textContent("#template-id"), "AU-DAIRY");
  assert.deepEqual(uncaught, []);

  await context.close();
  rmSync(dir, { recursive: true, force: true });
});
