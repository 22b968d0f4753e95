// Shared set-up of the browser tests: the built site, a local server on a
// free port of 127.0.0.1, Debian's Chromium through playwright-core, and
// generated certificates.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The site built by scripts/build-web.sh. */
export const site = path.join(root, "target/site");
/** Where screenshots go. */
export const outputDir = path.join(root, "test-output/browser");

/** Chromium options: headless, no sandbox (root), no background traffic. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Fails early, with the command to run, when the site is not built. */
export function requireSite() {
  if (!existsSync(path.join(site, "index.html"))) {
    throw new Error(`${site}/index.html missing: run bash scripts/build-web.sh first`);
  }
  mkdirSync(outputDir, { recursive: true });
}

/**
 * Starts the server and Chromium before the calling file's tests and stops
 * both after them. The returned object's `server` ({ url, stop }) and
 * `browser` are set once started.
 */
export function serverAndBrowser() {
  const session = { server: null, browser: null };
  before(async () => {
    requireSite();
    session.server = await startServer();
    session.browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
  });
  after(async () => {
    await session.browser?.close();
    session.server?.stop();
  });
  return session;
}

/** Starts scripts/serve.py on a free port; resolves to { url, stop }. */
export function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", [path.join(root, "scripts/serve.py"), site, "--port", "0"], {
      env: { ...process.env, SDR_SERVE_QUIET: "1" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let buffer = "";
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      const match = buffer.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (match) {
        resolve({ url: match[0], port: Number(match[1]), stop: () => child.kill() });
      }
    });
    child.on("exit", (code) => reject(new Error(`serve.py exited with ${code}`)));
  });
}

/** The `sdr` binary that has the synth command (release if built, else debug). */
function sdrBinary() {
  for (const profile of ["release", "debug"]) {
    const bin = path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, "target"), profile, "sdr");
    if (existsSync(bin) && spawnSync(bin, ["synth", "--help"]).status === 0) {
      return bin;
    }
  }
  throw new Error("no target/{release,debug}/sdr with `synth`: run cargo build -p sdr");
}

/**
 * Generates certificates with `sdr synth`; returns the folder.
 * @param {string[]} args e.g. ["--template", "AU-BEEF", "--count", "1", "--seed", "3"]
 */
export function synth(args) {
  const out = mkdtempSync(path.join(tmpdir(), "sdr-browser-"));
  const run = spawnSync(sdrBinary(), ["synth", ...args, "--out", out], { cwd: root, encoding: "utf8" });
  if (run.status !== 0) {
    throw new Error(`sdr synth failed: ${run.stderr}`);
  }
  return out;
}

/** The rule `id` of rules.json (messages and explanations in English and Chinese). */
export function rule(id) {
  const book = JSON.parse(readFileSync(path.join(root, "rules.json"), "utf8"));
  const found = book.rules.find((r) => r.id === id);
  if (!found) {
    throw new Error(`no rule ${id} in rules.json`);
  }
  return found;
}

/**
 * The fixed words of a message template: the text between its `{...}`
 * placeholders, trimmed, pieces of two characters or more.
 */
export function messageParts(template) {
  return template
    .split(/\{[^}]*\}/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 2);
}
