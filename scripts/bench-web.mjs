// The browser benchmark (run by scripts/bench-web.sh after build-web.sh):
// serves target/site on a free port of 127.0.0.1, drives Debian's Chromium
// headless (the README's flags, a fresh profile folder) and prints
//   - first load: navigation until the drop zone shows (and the browser's
//     own navigation timing),
//   - model initialisation: the worker's Ready message (init_ms, of which
//     engine_ms builds the OCR engine) and navigation until ready,
//   - drop to verdict per certificate and per page over a generated set
//     (sdr synth, fixed seed, one- and two-page templates), and
//   - peak memory: the WebAssembly linear memory of the review worker and
//     its reader as the worker reports it with each verdict (linear memory
//     only grows, so the last is the peak), and the browser's own
//     performance.measureUserAgentSpecificMemory, sampled after every
//     verdict,
// against the targets: 3 s per one-page certificate once loaded, 5 s first
// load. Usage: node scripts/bench-web.mjs [COUNT] [SEED]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

import { chromiumArgs, requireSite, startServer, synth } from "../tests/browser/harness.mjs";

/** Targets of the issue, milliseconds. */
const TARGET_VERDICT_ONE_PAGE_MS = 3000;
const TARGET_FIRST_LOAD_MS = 5000;

const count = Number(process.argv[2] ?? 10);
const seed = Number(process.argv[3] ?? 11);

/** Median of numbers. */
function median(values) {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Milliseconds as seconds with two decimals. */
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
/** Bytes as MB. */
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The page's and its workers' memory now (bytes), or null when not measurable. */
async function measureMemory(page) {
  return page.evaluate(async () => {
    if (!self.crossOriginIsolated || !performance.measureUserAgentSpecificMemory) {
      return null;
    }
    const m = await performance.measureUserAgentSpecificMemory();
    const byScope = {};
    for (const entry of m.breakdown) {
      for (const a of entry.attribution) {
        const scope = a.scope ?? "other";
        byScope[scope] = (byScope[scope] ?? 0) + entry.bytes;
      }
    }
    return { bytes: m.bytes, byScope };
  });
}

async function main() {
  requireSite();

  // The set: one- and two-page templates in turn, faults as in the field.
  const dir = synth(["--template", "all", "--count", String(count), "--seed", String(seed), "--faults", "random"]);
  const files = readdirSync(dir).sort();
  const set = files
    .filter((f) => f.endsWith(".key.json"))
    .map((f) => {
      const key = JSON.parse(readFileSync(path.join(dir, f), "utf8"));
      return { key, file: path.join(dir, key.file), declaration: path.join(dir, key.declaration) };
    });
  console.log(`bench-web: ${set.length} certificates (seed ${seed}) in ${dir}`);

  const server = await startServer();
  const profile = mkdtempSync(path.join(tmpdir(), "sdr-bench-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    args: [...chromiumArgs, "--enable-blink-features=ForceEagerMeasureMemory"],
    viewport: { width: 1600, height: 1000 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());

    // First load, then the models.
    const start = Date.now();
    await page.goto(server.url);
    await page.waitForSelector("#drop-zone");
    const firstLoadMs = Date.now() - start;
    const navigation = await page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0];
      return { domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd };
    });
    await page.waitForSelector("#engine-status.ready", { timeout: 300_000 });
    const readyMs = Date.now() - start;
    const initMs = Number(await page.getAttribute("#engine-status", "data-init-ms"));
    let peak = await measureMemory(page);

    // Each certificate with its declaration; the page's own clock times
    // drop to verdict.
    const runs = [];
    let previous = null;
    let peakWasm = 0;
    for (const item of set) {
      await page.setInputFiles("#declaration-input", item.declaration);
      await page.waitForSelector(`#declaration-name:text("${path.basename(item.declaration)}")`);
      const dropped = Date.now();
      await page.setInputFiles("#certificate-input", item.file);
      await page.waitForFunction(
        (prev) => {
          const e = document.querySelector("#verdict-ms");
          return e && e.dataset.ms && e.dataset.ms !== prev;
        },
        previous,
        { timeout: 600_000, polling: 50 },
      );
      const wallMs = Date.now() - dropped;
      previous = await page.getAttribute("#verdict-ms", "data-ms");
      const decision = await page.getAttribute("#verdict", "data-decision");
      const wasmBytes = Number(await page.getAttribute("#verdict", "data-wasm-bytes"));
      peakWasm = Math.max(peakWasm, wasmBytes);
      const memory = await measureMemory(page);
      if (memory && (!peak || memory.bytes > peak.bytes)) {
        peak = memory;
      }
      const run = { name: path.basename(item.file), pages: item.key.pages, ms: Number(previous), wallMs, decision };
      runs.push(run);
      console.log(
        `  ${run.name.padEnd(34)} ${run.pages} page(s)  drop to verdict ${s(run.ms)} (${s(run.ms / run.pages)} per page; wall ${s(wallMs)})  ${decision}` +
          `  wasm ${mb(wasmBytes)}` +
          (memory ? `  memory ${mb(memory.bytes)}` : ""),
      );
    }

    // The figures, against the targets.
    const onePage = runs.filter((r) => r.pages === 1).map((r) => r.ms);
    const perPage = runs.map((r) => r.ms / r.pages);
    console.log("\nbench-web: figures (targets: first load 5 s; verdict 3 s per one-page certificate once loaded)");
    console.log(
      `  first load (navigation to drop zone)  ${s(firstLoadMs)}   ratio to target ${(firstLoadMs / TARGET_FIRST_LOAD_MS).toFixed(2)}` +
        `   (DOMContentLoaded ${s(navigation.domContentLoaded)}, load ${s(navigation.load)})`,
    );
    console.log(`  models ready after navigation        ${s(readyMs)}   (worker init_ms ${s(initMs)})`);
    for (const pages of [...new Set(runs.map((r) => r.pages))].sort()) {
      const times = runs.filter((r) => r.pages === pages).map((r) => r.ms);
      const m = median(times);
      console.log(
        `  ${pages}-page drop to verdict               median ${s(m)}, min ${s(Math.min(...times))}, max ${s(Math.max(...times))} over ${times.length}` +
          `   per page ${s(m / pages)}, ratio to the one-page target ${(m / pages / TARGET_VERDICT_ONE_PAGE_MS).toFixed(2)}`,
      );
    }
    if (onePage.length) {
      console.log(`  one-page certificates: median ratio to the 3 s target ${(median(onePage) / TARGET_VERDICT_ONE_PAGE_MS).toFixed(2)}`);
    }
    console.log(`  per page, all                        median ${s(median(perPage))}   ratio to target ${(median(perPage) / TARGET_VERDICT_ONE_PAGE_MS).toFixed(2)}`);
    console.log(`  peak wasm linear memory (review worker + reader)  ${mb(peakWasm)}`);
    if (peak) {
      const scopes = Object.entries(peak.byScope)
        .map(([k, v]) => `${k} ${mb(v)}`)
        .join(", ");
      console.log(`  peak memory (measureUserAgentSpecificMemory)  ${mb(peak.bytes)}   (${scopes})`);
    } else {
      console.log("  peak memory: not measurable (page not cross-origin isolated)");
    }
  } finally {
    await context.close();
    server.stop();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench-web: ${e.stack ?? e}`);
  process.exit(1);
});
