// The world the console's tests run in: the demo corpus of scripts/demo.sh (cakap-gen,
// 3000 workers with training dates, seed 42, a fixed "today"; their placements and
// outcomes; 300 open vacancies) imported with the cakap CLI into a fresh index, keys made
// with `cakapd keys add`, and a real cakapd serving the built console (--web-root
// ../dist) and the API on ephemeral 127.0.0.1 ports; the CLI over gRPC, or embedded on a
// copy of the index, as the reference answer; and Debian's chromium driven headless by
// playwright-core (no browser download).
import { spawn, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, openSync, closeSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const webDir = path.resolve(here, "..");
export const repo = path.resolve(webDir, "../..");
export const screenshots = path.join(repo, "docs/console");
export const TODAY = "2026-11-02";
export const START = "2026-12-01";

const cakapdBin = path.resolve(webDir, process.env.CAKAPD ?? "../../build/service/cakapd");
const buildDir = path.resolve(path.dirname(cakapdBin), "..");
const cakapBin = process.env.CAKAP ?? path.join(buildDir, "clients/cakap/cakap");
const genBin = process.env.CAKAP_GEN ?? path.join(buildDir, "bench/corpus/cakap-gen");

export class World {
  async start() {
    this.tmp = mkdtempSync(path.join(tmpdir(), "cakap-web-test-"));
    const data = path.join(this.tmp, "data");
    const corpus = path.join(this.tmp, "workers.jsonl");
    // As scripts/demo.sh makes it: every training with its end date (the figures'
    // cohorts), the generated placements and outcomes (the ledger), and 300 generated
    // vacancies stored open (the demand side of supply and demand).
    const ledger = path.join(this.tmp, "ledger.jsonl");
    const demand = path.join(this.tmp, "demand-vacancies.jsonl");
    execFileSync("sh", ["-c", `"${genBin}" --workers 3000 --seed 42 --today ${TODAY} --training-dates > "${corpus}"`]);
    execFileSync("sh", ["-c", `"${genBin}" --ledger 3000 --seed 42 --today ${TODAY} > "${ledger}"`]);
    execFileSync("sh", ["-c", `"${genBin}" --vacancies 300 --seed 42 --today ${TODAY} | sed 's/^{/{"open":true,/' > "${demand}"`]);
    const cakap = (...args) => execFileSync(cakapBin, ["--data", data, "--today", TODAY, ...args], { stdio: "pipe" });
    cakap("import", "workers", corpus);
    cakap("import", "ledger", ledger);
    cakap("import", "vacancies", demand);
    this.ledgerLines = readFileSync(ledger, "utf8").split("\n").filter(Boolean).length;
    // A copy of the index as cakapd starts on it, for the CLI embedded (the index itself
    // is locked by cakapd): the reference answer for the figures.
    this.refData = path.join(this.tmp, "reference");
    cpSync(data, this.refData, { recursive: true });
    this.workers = new Map(
      readFileSync(corpus, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .map((w) => [w.id, w]),
    );
    const keys = path.join(this.tmp, "keys");
    const add = (name, role, extra = []) =>
      execFileSync(cakapdBin, ["keys", "add", "--keys", keys, "--name", name, "--role", role, ...extra], { encoding: "utf8" })
        .trim()
        .split("\n")
        .pop()
        .trim();
    this.keys = {
      partner: add("pt-las-borneo", "partner"),
      kalsel: add("pt-kalsel", "partner", ["--provinces", "63"]),
      portal: add("disnaker-kalsel", "portal"),
      admin: add("admin", "admin"),
    };
    this.logPath = path.join(this.tmp, "cakapd.log");
    const log = openSync(this.logPath, "w");
    this.proc = spawn(
      cakapdBin,
      ["--data", data, "--keys", keys, "--listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0",
       "--web-root", path.join(webDir, "dist"), "--shutdown-grace", "2"],
      { stdio: ["ignore", "ignore", log] },
    );
    closeSync(log);
    const deadline = Date.now() + 30000;
    while (Date.now() < deadline) {
      const start = readFileSync(this.logPath, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => { try { return JSON.parse(l); } catch { return {}; } })
        .find((e) => e.event === "start");
      if (start) {
        this.grpcPort = start.port;
        this.httpPort = start.http_port;
        break;
      }
      if (this.proc.exitCode !== null) throw new Error(`cakapd exited:\n${readFileSync(this.logPath, "utf8")}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    if (!this.httpPort) throw new Error(`cakapd did not start:\n${readFileSync(this.logPath, "utf8")}`);
    this.url = `http://127.0.0.1:${this.httpPort}/`;
    this.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    mkdirSync(screenshots, { recursive: true });
  }

  async stop() {
    await this.browser?.close();
    if (this.proc && this.proc.exitCode === null) {
      const exited = new Promise((r) => this.proc.once("exit", r));
      this.proc.kill("SIGTERM");
      await exited;
    }
    if (this.tmp) rmSync(this.tmp, { recursive: true, force: true });
  }

  // `cakap --server ... --json match ...` with a key: the reference answer over gRPC.
  cli(key, args) {
    const out = execFileSync(cakapBin, ["--server", `127.0.0.1:${this.grpcPort}`, "--key", key, "--json", ...args], { encoding: "utf8" });
    return JSON.parse(out);
  }

  // `cakap --data COPY --today TODAY --json figures ...`: the CLI embedded on the index as
  // cakapd started on it (workers and ledger are not changed by the tests).
  figures(args) {
    const out = execFileSync(cakapBin, ["--data", this.refData, "--today", TODAY, "--json", "figures", ...args], { encoding: "utf8" });
    return JSON.parse(out);
  }

  // Every candidate of a match, all pages, by the CLI.
  cliAll(key, args) {
    const all = [];
    let token = "";
    let first;
    do {
      const r = this.cli(key, [...args, "--page-size", "200", ...(token ? ["--page-token", token] : [])]);
      first ??= r;
      all.push(...(r.candidates ?? []));
      token = r.nextPageToken ?? "";
    } while (token);
    return { first, all };
  }

  async page(width = 1280, height = 900) {
    const context = await this.browser.newContext({ viewport: { width, height }, acceptDownloads: true, locale: "id-ID" });
    const page = await context.newPage();
    // Uncaught errors of the page's scripts: every test asserts there were none.
    page.errors = [];
    page.on("pageerror", (e) => page.errors.push(String(e)));
    return page;
  }

  async login(page, key) {
    await page.goto(this.url);
    await page.getByLabel(/Kunci API|API key/).fill(key);
    await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
    await page.waitForSelector("nav a[href='#/find']");
  }
}

// Candidates as the page shows them: [{id, score, region}] in rank order.
export async function shownCandidates(page) {
  return page.$$eval("li.candidate", (items) =>
    items.map((li) => ({ id: li.dataset.workerId, score: Number(li.dataset.score), region: li.dataset.region, rank: Number(li.dataset.rank) })),
  );
}

// A Connect call from the test itself (JSON), for answers the CLI has no command for.
export async function rpc(world, key, method, body) {
  const r = await fetch(`${world.url}${method}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}
