// End-to-end tests of the web console in Debian's chromium (headless, playwright-core)
// against a real cakapd on the demo corpus. Every expected answer comes from the server
// itself: the CLI over gRPC (`cakap --server ... --json match`) or a Connect call, never
// a number written here. The screenshots in docs/console/ are taken on the way.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { World, START, TODAY, rpc, screenshots, shownCandidates } from "./harness.js";

const world = new World();
before(async () => world.start(), { timeout: 180000 });
after(async () => world.stop());

const WELDERS = ["match", "--require", "LAS", "--near", "63.11", "--radius", "50", "--start", START];
const shot = (page, name, fullPage = false) => page.screenshot({ path: path.join(screenshots, name), fullPage });

// The search of the issue, by hand as a recruiter would: "juru las" picked from the
// autocomplete, Balangan from the picker, 50 km, the start date, 5 per page.
async function searchWelders(page, { region = "63.11", radius = "50", pageSize = "5" } = {}) {
  const skills = page.locator("[data-skill-input=required]");
  await skills.fill("juru las");
  await page.locator(".suggestions li[data-code=LAS]").waitFor();
  await skills.press("ArrowDown");
  await skills.press("Enter");
  await page.locator(".chip", { hasText: "LAS" }).first().waitFor();
  await page.selectOption("select[name=region]", region);
  await page.$eval("input[name=radius]", (el, v) => {
    el.value = v;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, radius);
  await page.fill("input[name=start]", START);
  await page.selectOption("select[name=page-size]", pageSize);
  await page.getByRole("button", { name: /^(Cari|Search)$/ }).click();
  await page.waitForSelector(".status:not(:empty):not(:has-text('Mencari'))");
}

function same(shown, cli) {
  assert.deepEqual(
    shown.map((c) => [c.id, c.score]),
    cli.map((c) => [c.worker.id, c.score]),
  );
}

function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\n") row.push(cell.replace(/\r$/, "")), rows.push(row), (row = []), (cell = "");
    else cell += ch;
  }
  return rows;
}

test("sign-in: a wrong key gets the server's message next to the key field", async () => {
  const page = await world.page();
  await page.goto(world.url);
  assert.equal(await page.getAttribute("html", "lang"), "id");
  await shot(page, "login.png");
  await page.getByLabel("Kunci API").fill("not-a-key");
  await page.getByRole("button", { name: "Masuk" }).click();
  const error = page.locator("[data-field-error=key]");
  await error.waitFor();
  const expected = await rpc(world, "not-a-key", "cakap.v1.LexiconService/LookupSkills", { query: "las" });
  assert.equal(expected.status, 401);
  assert.equal(await error.textContent(), expected.body.message);
  assert.equal(await page.locator("nav a[href='#/find']").count(), 0);
  // The right key: in, and kept in sessionStorage (not localStorage) for this tab only.
  await page.getByLabel("Kunci API").fill(world.keys.partner);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForSelector("nav a[href='#/find']");
  assert.equal(await page.evaluate(() => sessionStorage.getItem("cakap.apiKey")), world.keys.partner);
  assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes(sessionStorage.getItem("cakap.apiKey"))), false);
  await page.reload();
  await page.waitForSelector("nav a[href='#/find']");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a partner finds welders near Balangan within 50 km: the CLI's candidates and scores, page by page, on the map", async () => {
  const page = await world.page();
  await world.login(page, world.keys.partner);
  await searchWelders(page);
  const cli1 = world.cli(world.keys.partner, [...WELDERS, "--page-size", "5"]);
  assert.ok(Number(cli1.total) > 5, `the demo search needs two pages, has ${cli1.total}`);
  same(await shownCandidates(page), cli1.candidates);
  assert.match(await page.locator(".status").textContent(), new RegExp(`^${cli1.total} `));
  // Each candidate: a bar and the server's text per score component.
  const first = page.locator("li.candidate").first();
  const details = await first.locator(".bar-detail").allTextContents();
  assert.deepEqual(details, cli1.candidates[0].explanation.map((e) => e.detail));
  assert.equal(await first.locator(".bar-fill").count(), cli1.candidates[0].explanation.length);
  // The map: the search circle and one point per candidate of the page.
  assert.equal(await page.locator("path.search-circle").count(), 1);
  assert.equal(await page.locator("path.candidate-point").count(), cli1.candidates.length);
  // Each at the point the partner's reply carries (~1 km: 2 decimals), or the region's
  // reference point for a worker without coordinates; never the stored exact point.
  const regions = (await rpc(world, world.keys.partner, "cakap.v1.LexiconService/ListRegions", {})).body.regions;
  for (const c of cli1.candidates) {
    const d = c.worker.domicile;
    const ref = regions.find((r) => r.code === d.regionCode);
    const expected = d.hasCoordinates ? [d.latitude, d.longitude] : [ref.latitude, ref.longitude];
    const shown = (await page.getAttribute(`path.candidate-point[data-worker-id="${c.worker.id}"]`, "data-latlng")).split(",").map(Number);
    assert.deepEqual(shown, expected, c.worker.id);
    if (d.hasCoordinates) {
      for (const v of shown) assert.equal(Math.round(v * 100) / 100, v, `${c.worker.id}: ${v} finer than ~1 km`);
      const exact = world.workers.get(c.worker.id).domicile;
      assert.notDeepEqual(shown, [exact.latitude, exact.longitude]);
    }
  }
  assert.ok((await page.locator("path.region-point").count()) > 50);
  await shot(page, "find.png", true);

  // Page 2 is the CLI's page 2 (its token, for the same key).
  await page.click("[data-pager=next]");
  await page.waitForSelector("[data-page='2']");
  const cli2 = world.cli(world.keys.partner, [...WELDERS, "--page-size", "5", "--page-token", cli1.nextPageToken]);
  same(await shownCandidates(page), cli2.candidates);
  assert.equal((await shownCandidates(page))[0].rank, 6);
  await page.click("[data-pager=prev]");
  await page.waitForSelector("[data-page='1']");
  same(await shownCandidates(page), cli1.candidates);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a point clicked on the map, with employed workers included: the CLI's answer for --near LAT,LON --include-employed", async () => {
  const page = await world.page();
  await world.login(page, world.keys.partner);
  await searchWelders(page, { pageSize: "50" });
  // A click on the map (off the candidates' markers) picks a point instead of the region.
  const box = await page.locator(".map").boundingBox();
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.75);
  const picked = page.locator(".find-form p.help[aria-live]");
  await picked.filter({ hasText: /, / }).waitFor();
  const [lat, lon] = (await picked.textContent()).split(": ")[1].split(", ").map(Number);
  assert.ok(Number.isFinite(lat) && Number.isFinite(lon), await picked.textContent());
  assert.equal(await page.inputValue("select[name=region]"), "");
  await page.check("input[name=employed]");
  await page.getByRole("button", { name: "Cari" }).click();
  await page.waitForFunction(() => !document.querySelector(".status").textContent.includes("Mencari"));
  const cli = world.cli(world.keys.partner, ["match", "--require", "LAS", "--near", `${lat},${lon}`, "--radius", "50",
    "--start", START, "--include-employed", "--page-size", "50"]);
  assert.ok(cli.candidates?.length > 0, `welders within 50 km of ${lat},${lon}`);
  same(await shownCandidates(page), cli.candidates);
  const without = world.cli(world.keys.partner, ["match", "--require", "LAS", "--near", `${lat},${lon}`, "--radius", "50",
    "--start", START, "--page-size", "50"]);
  assert.ok(Number(cli.total) >= Number(without.total ?? 0));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a facet is a filter: clicking BNSP gives the CLI's answer with --issuer BNSP", async () => {
  const page = await world.page();
  await world.login(page, world.keys.partner);
  await searchWelders(page, { pageSize: "20" });
  const cli = world.cli(world.keys.partner, [...WELDERS, "--facets"]);
  const bnsp = cli.facets.issuer.find((f) => f.value === "BNSP");
  assert.ok(bnsp, JSON.stringify(cli.facets));
  const button = page.locator("button[data-facet='Penerbit:BNSP']");
  assert.equal(await button.locator(".count").textContent(), String(bnsp.count));
  await button.click();
  await page.locator(".filters button", { hasText: "BNSP" }).waitFor();
  await page.waitForFunction((n) => document.querySelectorAll("li.candidate").length === n, Number(bnsp.count));
  const filtered = world.cli(world.keys.partner, [...WELDERS, "--issuer", "BNSP"]);
  assert.equal(filtered.total, bnsp.count);
  same(await shownCandidates(page), filtered.candidates);
  // A region facet narrows to that kabupaten/kota.
  const region = filtered.candidates[0].worker.domicile.regionCode;
  await page.click(`button[data-facet='Kabupaten/kota:${region}']`);
  await page.locator(".filters button", { hasText: "Kabupaten" }).waitFor();
  await page.waitForSelector(".status:not(:has-text('Mencari'))");
  const byRegion = world.cli(world.keys.partner, [...WELDERS, "--issuer", "BNSP", "--region", region]);
  same(await shownCandidates(page), byRegion.candidates);
  for (const c of await shownCandidates(page)) assert.equal(c.region, region);
  // Removing the filters gives the first answer back.
  await page.locator(".filters button").first().click();
  await page.locator(".filters button").first().click();
  await page.waitForFunction((n) => document.querySelectorAll("li.candidate").length === n && !document.querySelector(".filters button"), Math.min(20, Number(cli.total)));
  same(await shownCandidates(page), cli.candidates);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a near miss opens with the failed constraint named as the server names it", async () => {
  const page = await world.page();
  await world.login(page, world.keys.partner);
  await searchWelders(page);
  const cli = world.cli(world.keys.partner, [...WELDERS, "--page-size", "5", "--near-misses", "5"]);
  assert.ok(cli.nearMisses?.length > 0, "the demo search has near misses");
  const shown = await page.$$eval("details.near-miss", (ds) => ds.map((d) => d.dataset.nearMiss));
  assert.deepEqual(shown, cli.nearMisses.map((n) => n.candidate.worker.id));
  const miss = cli.nearMisses[0];
  const details = page.locator("details.near-miss").first();
  assert.equal(await details.locator("[data-reason]").isVisible(), false);
  await details.locator("summary").click();
  const reason = details.locator("[data-reason]");
  assert.equal(await reason.isVisible(), true);
  assert.ok((await reason.textContent()).endsWith(`: ${miss.reason}`), await reason.textContent());
  assert.deepEqual(await details.locator(".bar-detail").allTextContents(), miss.candidate.explanation.map((e) => e.detail));
  await details.getByRole("link").click();
  await page.waitForSelector(`dd[data-row=id]:has-text("${miss.candidate.worker.id}")`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the CSV export is the CLI's answer: every candidate, or the shortlist", async () => {
  const page = await world.page();
  await world.login(page, world.keys.partner);
  await searchWelders(page);
  const { first, all } = world.cliAll(world.keys.partner, WELDERS);
  assert.equal(all.length, Number(first.total));
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-export=csv]")]);
  const rows = parseCsv(readFileSync(await download.path(), "utf8").replace(/^\ufeff/, ""));
  assert.deepEqual(rows[0].slice(0, 6), ["rank", "worker_id", "display_name", "score", "distance_km", "region_code"]);
  assert.deepEqual(
    rows.slice(1).map((r) => [r[1], Number(r[3]), Number(r[4]), r[5]]),
    all.map((c) => [c.worker.id, c.score, c.distanceKm, c.worker.domicile?.regionCode ?? ""]),
  );
  assert.deepEqual(rows.slice(1).map((r) => r[2]), all.map((c) => c.worker.displayName ?? ""));
  // A shortlist of two: only those, in ranking order.
  const boxes = page.locator("li.candidate input[type=checkbox]");
  await boxes.nth(2).check();
  await boxes.nth(0).check();
  const [short] = await Promise.all([page.waitForEvent("download"), page.click("[data-export=csv]")]);
  const shortRows = parseCsv(readFileSync(await short.path(), "utf8").replace(/^\ufeff/, ""));
  assert.deepEqual(shortRows.slice(1).map((r) => [r[1], Number(r[3])]), [all[0], all[2]].map((c) => [c.worker.id, c.score]));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("vacancies: the office creates, closes, opens and matches a vacancy; a bad id is answered at the field; a partner cannot write", async () => {
  const page = await world.page();
  await world.login(page, world.keys.portal);
  await page.click("nav a[href='#/vacancies']");
  await page.waitForSelector("form.vacancy-form");
  // No id: the server's message next to the id field.
  await page.fill("input[name=title]", "Juru las SMAW untuk bengkel Paringin");
  await page.getByRole("button", { name: "Simpan lowongan" }).click();
  const idError = page.locator("[data-field-error=id]");
  await idError.waitFor();
  const expected = await rpc(world, world.keys.portal, "cakap.v1.VacancyService/UpsertVacancy", { vacancy: { title: "x" } });
  assert.equal(expected.status, 400);
  assert.equal(await idError.textContent(), expected.body.message);
  // A valid vacancy.
  await page.fill("input[name=id]", "v-web-las");
  await page.fill("input[name=employer]", "PT Borneo Las");
  const skills = page.locator("[data-skill-input=vacancy-required]");
  await skills.fill("welder");
  await page.locator(".suggestions li[data-code=LAS]").waitFor();
  await page.locator(".suggestions li[data-code=LAS]").click();
  await page.selectOption("form.vacancy-form select[name=region]", "63.11");
  await page.fill("input[name=radius_km]", "50");
  await page.fill("input[name=start_date]", START);
  await page.fill("input[name=openings]", "10");
  await page.getByRole("button", { name: "Simpan lowongan" }).click();
  await page.locator(".status", { hasText: "Tersimpan" }).waitFor();
  let stored = await rpc(world, world.keys.portal, "cakap.v1.VacancyService/GetVacancy", { id: "v-web-las" });
  assert.equal(stored.status, 200);
  assert.deepEqual(stored.body.vacancy.requiredSkills, ["LAS"]);
  assert.equal(stored.body.vacancy.open, true);
  assert.equal(stored.body.vacancy.openings, 10);
  await shot(page, "vacancies.png", true);
  // Close, then open again.
  await page.getByRole("button", { name: "Tutup lowongan" }).click();
  await page.waitForFunction(() => !document.querySelector("input[name=open]").checked);
  stored = await rpc(world, world.keys.portal, "cakap.v1.VacancyService/GetVacancy", { id: "v-web-las" });
  assert.equal(stored.body.vacancy.open ?? false, false);
  await page.getByRole("button", { name: "Buka lowongan" }).click();
  await page.waitForFunction(() => document.querySelector("input[name=open]").checked);
  stored = await rpc(world, world.keys.portal, "cakap.v1.VacancyService/GetVacancy", { id: "v-web-las" });
  assert.equal(stored.body.vacancy.open, true);
  // Match the stored vacancy: the CLI's answer for --vacancy-id.
  await page.getByRole("button", { name: "Cocokkan" }).click();
  await page.waitForSelector("li.candidate");
  const cli = world.cli(world.keys.portal, ["match", "--vacancy-id", "v-web-las"]);
  same(await shownCandidates(page), cli.candidates);
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // A partner loads the open vacancy but the server refuses its write, shown as said.
  const partner = await world.page();
  await world.login(partner, world.keys.partner);
  await partner.goto(`${world.url}#/vacancies/v-web-las`);
  await partner.waitForFunction(() => document.querySelector("input[name=title]")?.value.startsWith("Juru las"));
  await partner.getByRole("button", { name: "Simpan lowongan" }).click();
  const denied = await rpc(world, world.keys.partner, "cakap.v1.VacancyService/UpsertVacancy", { vacancy: stored.body.vacancy });
  assert.equal(denied.status, 403);
  await partner.locator(".status.error", { hasText: denied.body.message }).waitFor();
  await partner.context().close();
});

test("vacancies a partner owns: it loads its own closed vacancy, another partner is told it does not exist", async () => {
  const page = await world.page();
  await world.login(page, world.keys.portal);
  await page.goto(`${world.url}#/vacancies`);
  await page.fill("input[name=id]", "v-web-owned");
  await page.fill("input[name=title]", "Operator las pipa (kontrak PT Las Borneo)");
  await page.fill("input[name=owner]", "pt-las-borneo");
  const skills = page.locator("[data-skill-input=vacancy-required]");
  await skills.fill("las pipa");
  await skills.press("Enter");
  await page.selectOption("form.vacancy-form select[name=region]", "63.09");
  await page.uncheck("input[name=open]");
  await page.getByRole("button", { name: "Simpan lowongan" }).click();
  await page.locator(".status", { hasText: "Tersimpan" }).waitFor();
  const stored = await rpc(world, world.keys.portal, "cakap.v1.VacancyService/GetVacancy", { id: "v-web-owned" });
  assert.equal(stored.body.vacancy.owner, "pt-las-borneo");
  assert.equal(stored.body.vacancy.open ?? false, false);
  assert.deepEqual(stored.body.vacancy.requiredSkills, ["LAS.PIPA"]);
  await page.context().close();

  const owner = await world.page();
  await world.login(owner, world.keys.partner);
  await owner.goto(`${world.url}#/vacancies/v-web-owned`);
  await owner.waitForFunction(() => document.querySelector("input[name=title]")?.value.startsWith("Operator las pipa"));
  assert.equal(await owner.inputValue("input[name=owner]"), "pt-las-borneo");
  await owner.context().close();

  const other = await world.page();
  await world.login(other, world.keys.kalsel);
  await other.goto(`${world.url}#/vacancies/v-web-owned`);
  const error = other.locator("[data-field-error=id]");
  await error.waitFor();
  const expected = await rpc(world, world.keys.kalsel, "cakap.v1.VacancyService/GetVacancy", { id: "v-web-owned" });
  assert.equal(expected.status, 404);
  assert.equal(await error.textContent(), expected.body.message);
  assert.equal(await other.inputValue("input[name=title]"), "");
  assert.deepEqual([...owner.errors, ...other.errors], []);
  await other.context().close();
});

test("the stored vacancies: the office's list pages through ListVacancies' answer, open only filters, a partner lists only its own", async () => {
  // Every page of the server's list for a key (50 a page, as the console asks).
  const listAll = async (key, body) => {
    const ids = [];
    for (let token = "", first = true; first || token; first = false) {
      const r = await rpc(world, key, "cakap.v1.VacancyService/ListVacancies", { ...body, pageToken: token });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      ids.push(...(r.body.vacancies ?? []).map((v) => v.id));
      token = r.body.nextPageToken ?? "";
    }
    return ids;
  };
  const shownIds = (page) => page.locator(".vacancy-list li").evaluateAll((els) => els.map((e) => e.dataset.vacancy));
  const page = await world.page();
  await world.login(page, world.keys.portal);
  await page.goto(`${world.url}#/vacancies/v-web-las`);
  const all = await listAll(world.keys.portal, {});
  assert.ok(all.length > 50, `the fixture stores more than one page of vacancies (${all.length})`);
  assert.ok(all.includes("v-web-las") && all.includes("v-web-owned"));
  // The first page, then "more" until the button goes: the server's list, in its order.
  await page.locator(".vacancy-list li").nth(49).waitFor();
  assert.deepEqual(await shownIds(page), all.slice(0, 50));
  while (await page.locator(".stored-vacancies button.more").isVisible()) {
    const before = await page.locator(".vacancy-list li").count();
    await page.locator(".stored-vacancies button.more").click();
    await page.waitForFunction((n) => document.querySelectorAll(".vacancy-list li").length > n, before);
  }
  assert.deepEqual(await shownIds(page), all);
  // The vacancy on the form is marked; the closed one says so.
  assert.equal(await page.locator(".vacancy-list li[aria-current]").getAttribute("data-vacancy"), "v-web-las");
  assert.equal(await page.locator(".vacancy-list li[data-vacancy=v-web-owned] .badge").textContent(), "ditutup");
  // Open only: the server's open list, without the closed vacancy.
  await page.check("input[name=list_open_only]");
  const open = await listAll(world.keys.portal, { openOnly: true });
  assert.ok(!open.includes("v-web-owned"));
  await page.waitForFunction(() => !document.querySelector(".vacancy-list li[data-vacancy=v-web-owned]"));
  assert.deepEqual(await shownIds(page), open.slice(0, 50));
  // A link loads the vacancy into the form.
  await page.locator(".vacancy-list li a").first().click();
  await page.waitForFunction((id) => document.querySelector("input[name=id]")?.value === id, open[0]);
  await page.context().close();

  // A partner's list: its own vacancies only (the closed one too), none of the office's.
  const partner = await world.page();
  await world.login(partner, world.keys.partner);
  await partner.goto(`${world.url}#/vacancies`);
  const own = await listAll(world.keys.partner, {});
  assert.ok(own.includes("v-web-owned") && !own.includes("v-web-las"), JSON.stringify(own));
  await partner.locator(".vacancy-list li[data-vacancy=v-web-owned]").waitFor();
  assert.deepEqual(await shownIds(partner), own);
  const other = await world.page();
  await world.login(other, world.keys.kalsel);
  await other.goto(`${world.url}#/vacancies`);
  await other.locator(".stored-vacancies .status", { hasText: "Tidak ada lowongan." }).waitFor();
  assert.deepEqual(await shownIds(other), []);
  assert.deepEqual([...page.errors, ...partner.errors, ...other.errors], []);
  await partner.context().close();
  await other.context().close();
});

test("a partner's worker page: no NIK, no welfare decile, no exact coordinates; certificates valid on the start date; the vacancies it fits", async () => {
  const page = await world.page();
  await world.login(page, world.keys.partner);
  await searchWelders(page, { pageSize: "20" });
  // A candidate whose stored record holds all three: NIK, welfare decile, coordinates.
  const id = (await shownCandidates(page)).map((c) => c.id).find((w) => {
    const r = world.workers.get(w);
    return r.nik && r.welfareDecile && r.domicile?.hasCoordinates;
  });
  assert.ok(id, "a candidate with NIK, welfare decile and coordinates in the corpus");
  await page.locator(`li.candidate[data-worker-id="${id}"] a.name`).click();
  await page.waitForSelector(`dd[data-row=id]:has-text("${id}")`);
  await page.waitForSelector("section.fits ol, section.fits p");
  const exact = world.workers.get(id);
  assert.ok(exact.nik, "the corpus worker has a NIK");
  assert.ok(exact.welfareDecile, "the corpus worker has a welfare decile");
  const text = await page.locator("main").innerText();
  assert.equal(text.includes(exact.nik), false, "NIK on the page");
  assert.equal(await page.locator("dd[data-row=nik], dd[data-row=welfare]").count(), 0);
  assert.equal(/NIK|[Dd]esil|[Ww]elfare/.test(text), false);
  {
    const shownCoords = await page.locator("dd[data-row=coordinates]").textContent();
    const [lat, lon] = shownCoords.split(",").map((s) => s.trim());
    for (const v of [lat, lon]) assert.ok(!/\.\d{3,}$/.test(v), `coordinate ${v} finer than 2 decimals`);
    assert.equal(text.includes(String(exact.domicile.latitude)), false);
    assert.equal(text.includes(String(exact.domicile.longitude)), false);
  }
  // Certificates: the server's record, each judged on the start date.
  const record = (await rpc(world, world.keys.partner, "cakap.v1.WorkerService/GetWorker", { id })).body.worker;
  assert.equal(record.nik, undefined);
  const valid = await page.$$eval("table.certs tbody tr", (rows) => rows.map((r) => r.dataset.valid === "true"));
  assert.deepEqual(valid, record.certificates.map((c) => (!c.issuedOn || c.issuedOn <= START) && (!c.expiresOn || START <= c.expiresOn)));
  // Reverse match: the server's MatchVacancies, the vacancy stored above among them.
  const fits = (await rpc(world, world.keys.partner, "cakap.v1.MatchService/MatchVacancies", { workerId: id })).body.result;
  const shownFits = await page.$$eval("section.fits li[data-vacancy-id]", (ls) => ls.map((l) => l.dataset.vacancyId));
  assert.deepEqual(shownFits, (fits.vacancies ?? []).map((v) => v.vacancy.id));
  assert.ok(shownFits.includes("v-web-las"), JSON.stringify(shownFits));
  await shot(page, "worker.png", true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a partner restricted to Kalimantan Selatan (63) never sees a worker outside it", async () => {
  const wide = ["match", "--require", "LAS", "--near", "63.11", "--radius", "300", "--start", START, "--near-misses", "20"];
  const unrestricted = world.cliAll(world.keys.partner, wide);
  const outside = unrestricted.all.filter((c) => !c.worker.domicile.regionCode.startsWith("63."));
  assert.ok(outside.length > 0, "the 300 km circle reaches workers outside province 63");
  const restricted = world.cliAll(world.keys.kalsel, wide);

  const page = await world.page();
  await world.login(page, world.keys.kalsel);
  await searchWelders(page, { radius: "300", pageSize: "100" });
  const shown = await shownCandidates(page);
  assert.ok(shown.length > 0);
  for (const c of shown) assert.ok(c.region.startsWith("63."), `${c.id} in ${c.region}`);
  same(shown, restricted.all.slice(0, 100));
  const misses = await page.$$eval("details.near-miss", (ds) => ds.map((d) => d.dataset.nearMiss));
  for (const id of misses) assert.ok(world.workers.get(id).domicile.regionCode.startsWith("63."), id);
  const facetRegions = await page.$$eval("button[data-facet^='Kabupaten/kota:']", (bs) => bs.map((b) => b.dataset.facet.split(":")[1]));
  for (const r of facetRegions) assert.ok(r.startsWith("63."), r);
  // The CSV holds no outsider either.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-export=csv]")]);
  const rows = parseCsv(readFileSync(await download.path(), "utf8").replace(/^\ufeff/, "")).slice(1);
  assert.equal(rows.length, restricted.all.length);
  for (const r of rows) assert.ok(r[5].startsWith("63."), r.join(","));
  // An outside worker's page: not found, no record shown.
  await page.goto(`${world.url}#/worker/${encodeURIComponent(outside[0].worker.id)}`);
  const error = page.locator("[data-field-error=id]");
  await error.waitFor();
  const expected = await rpc(world, world.keys.kalsel, "cakap.v1.WorkerService/GetWorker", { id: outside[0].worker.id });
  assert.equal(expected.status, 404);
  assert.equal(await error.textContent(), expected.body.message);
  assert.equal(await page.locator("dl.record").count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("bad input in the search form: the server's message next to the field it names", async () => {
  const page = await world.page();
  await world.login(page, world.keys.partner);
  const skills = page.locator("[data-skill-input=required]");
  await skills.fill("tukang sulap");
  await skills.press("Enter");
  await page.selectOption("select[name=region]", "63.11");
  await page.fill("input[name=start]", START);
  await page.getByRole("button", { name: "Cari" }).click();
  const skillError = page.locator("[data-field-error=required_skills]");
  await skillError.waitFor();
  const expected = await rpc(world, world.keys.partner, "cakap.v1.MatchService/MatchCandidates", {
    vacancy: { requiredSkills: ["tukang sulap"], location: { regionCode: "63.11" }, radiusKm: 50, startDate: START },
  });
  assert.equal(expected.status, 400);
  assert.match(expected.body.message, /^vacancy\.required_skills\[0\]: /);
  assert.equal(await skillError.textContent(), expected.body.message);
  assert.equal(await page.locator("[data-field=required_skills]").getAttribute("class"), "field invalid");
  await shot(page, "form-error.png");
  // A date the server cannot read: its message under the date, the skill error gone.
  await page.locator(".chip button").click();
  await skills.fill("welder");
  await page.locator(".suggestions li[data-code=LAS]").click();
  await page.fill("input[name=start]", "2026-13-45");
  await page.getByRole("button", { name: "Cari" }).click();
  const dateError = page.locator("[data-field-error=start_date]");
  await dateError.waitFor();
  const expectedDate = await rpc(world, world.keys.partner, "cakap.v1.MatchService/MatchCandidates", {
    vacancy: { requiredSkills: ["LAS"], location: { regionCode: "63.11" }, radiusKm: 50, startDate: "2026-13-45" },
  });
  assert.equal(await dateError.textContent(), expectedDate.body.message);
  assert.equal(await skillError.isVisible(), false);
  assert.equal(await page.locator("input[name=start]").getAttribute("aria-invalid"), "true");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// --- the overview's figures ----------------------------------------------------------------

// The tiles of the figures, by proto field, and the JSON field of `cakap --json figures`.
const FIGURES = [
  ["workers", "workers"],
  ["trained", "trained"],
  ["certified", "certified"],
  ["placed", "placed"],
  ["placed_job", "placedJob"],
  ["placed_apprenticeship", "placedApprenticeship"],
  ["placed_own_business", "placedOwnBusiness"],
  ["still_working_3m", "stillWorking3m"],
  ["still_working_6m", "stillWorking6m"],
];
// A Count of the CLI's JSON (proto3 JSON: zero and false are left out).
const count = (c) => ({ value: Number(c?.value ?? 0), suppressed: c?.suppressed === true });
const SD_COLUMNS = [
  ["available_certified", "availableCertified"],
  ["open_openings", "openOpenings"],
  ["expiring_30d", "expiring30d"],
  ["expiring_90d", "expiring90d"],
  ["expiring_180d", "expiring180d"],
];

// Fills the slice form as a user would (the skill from the autocomplete, the region from
// the picker) and submits it; resolves when the page shows the reply.
async function figuresFor(page, slice = {}) {
  const form = page.locator("form.figures-form");
  await form.waitFor();
  for (const name of ["cohort_from", "cohort_to", "period_from", "period_to", "as_of"]) {
    await form.locator(`input[name=${name}]`).fill(slice[name] ?? "");
  }
  if (slice.skillTyped) {
    const skill = page.locator("[data-skill-input=figures-skill]");
    await skill.fill(slice.skillTyped);
    await page.locator(`.suggestions li[data-code="${slice.skill}"]`).waitFor();
    await page.locator(`.suggestions li[data-code="${slice.skill}"]`).click();
    await form.locator(".chip", { hasText: slice.skill }).waitFor();
  }
  await form.locator("select[name=certificate_issuer]").selectOption(slice.issuer ? { label: slice.issuer } : "");
  await form.locator("select[name=region_codes]").selectOption(slice.region ?? "");
  await form.locator("select[name=institution_kind]").selectOption(slice.kind ?? "");
  await form.locator("select[name=welfare_decile_min]").selectOption(slice.decileMin ?? "");
  await form.locator("select[name=welfare_decile_max]").selectOption(slice.decileMax ?? "");
  await form.locator("input[name=supply_demand]").setChecked(slice.supplyDemand ?? false);
  await submitFigures(page, () => form.locator("button[type=submit]").click());
}

async function submitFigures(page, submit) {
  const before = Number((await page.getAttribute("[data-figures=results]", "data-run")) ?? 0);
  await submit();
  await page.waitForFunction((n) => Number(document.querySelector("[data-figures=results]")?.dataset.run ?? 0) > n, before);
}

// The CLI's flags for the same slice.
function sliceArgs(slice) {
  const args = [];
  const flag = (name, value) => value && args.push(`--${name}`, value);
  flag("cohort-from", slice.cohort_from);
  flag("cohort-to", slice.cohort_to);
  flag("period-from", slice.period_from);
  flag("period-to", slice.period_to);
  flag("skill", slice.skill);
  flag("issuer", slice.issuer);
  flag("region", slice.region);
  flag("institution-kind", slice.kind);
  flag("decile-min", slice.decileMin);
  flag("decile-max", slice.decileMax);
  flag("as-of", slice.as_of);
  if (slice.supplyDemand) args.push("--supply-demand");
  return args;
}

async function shownFigures(page) {
  return page.$$eval(".figure-tiles .tile", (tiles) =>
    Object.fromEntries(
      tiles.map((t) => [
        t.dataset.figure,
        { value: Number(t.dataset.value), suppressed: t.dataset.suppressed === "true", text: t.querySelector(".value").textContent, count: t.dataset.count, of: t.querySelector(".of")?.textContent },
      ]),
    ),
  );
}

// The page's tiles against a reply of the CLI: every count, its text ("< 10" when the
// server suppressed it, never 0), the medians and how many each is over.
function sameFigures(shown, reply, locale = "id-ID") {
  const min = reply.minCellSize ?? 0;
  const text = (c) => (c.suppressed ? `< ${min}` : c.value.toLocaleString(locale));
  for (const [key, json] of FIGURES) {
    const c = count(reply.figures[json]);
    assert.deepEqual([key, shown[key].value, shown[key].suppressed], [key, c.value, c.suppressed]);
    assert.equal(shown[key].text, text(c), key);
  }
  for (const [key, json, n] of [
    ["median_days_training_to_placement", "medianDaysTrainingToPlacement", "withTrainingBeforePlacement"],
    ["median_days_certification_to_placement", "medianDaysCertificationToPlacement", "withCertificateBeforePlacement"],
  ]) {
    const m = reply.figures[json] ?? 0;
    assert.equal(shown[key].value, m, key);
    assert.equal(shown[key].text, m < 0 ? "—" : m.toLocaleString(locale, { maximumFractionDigits: 1 }), key);
    assert.equal(Number(shown[key].count), count(reply.figures[n]).value, key);
    assert.ok(shown[key].of.includes(text(count(reply.figures[n]))), `${key}: ${shown[key].of}`);
  }
}

// The published sentence as the page must write it, from the CLI's numbers.
function sentence(reply, lang, cohort) {
  const min = reply.minCellSize ?? 0;
  const f = Object.fromEntries(FIGURES.map(([, json]) => [json, count(reply.figures[json])]));
  const c = (x) => (x.suppressed ? `< ${min}` : x.value.toLocaleString(lang === "en" ? "en-US" : "id-ID"));
  const withApp = f.placedApprenticeship.value > 0 || f.placedApprenticeship.suppressed;
  if (lang === "en") {
    const noun = (x, one, many) => `${c(x)} ${!x.suppressed && x.value === 1 ? one : many}`;
    const parts = [noun(f.placedJob, "job", "jobs"), withApp && noun(f.placedApprenticeship, "apprenticeship", "apprenticeships"), noun(f.placedOwnBusiness, "own business", "own businesses")];
    return `Of ${c(f.trained)} trained in ${cohort}, ${c(f.placed)} placed: ${parts.filter(Boolean).join(", ")}; still working after 6 months: ${c(f.stillWorking6m)}.`;
  }
  const parts = [`${c(f.placedJob)} mendapat pekerjaan`, withApp && `${c(f.placedApprenticeship)} magang`, `${c(f.placedOwnBusiness)} membuka usaha sendiri`];
  return `Dari ${c(f.trained)} orang yang selesai pelatihan pada ${cohort}, ${c(f.placed)} ditempatkan: ${parts.filter(Boolean).join(", ")}; yang masih bekerja setelah 6 bulan: ${c(f.stillWorking6m)}.`;
}

const COHORT_2024 = { cohort_from: "2024-01-01", cohort_to: "2024-12-31" };

test("overview: the index counts for an admin; the 2024 cohort's figures and sentence are `cakap figures`', in Indonesian and English", async () => {
  const page = await world.page();
  await world.login(page, world.keys.admin);
  await page.click("nav a[href='#/overview']");
  await page.waitForSelector("[data-stat=workers] .value");
  const stats = await rpc(world, world.keys.admin, "cakap.v1.AdminService/Stats", {});
  assert.equal((await page.locator("[data-stat=workers] .value").textContent()).replace(/\D/g, ""), String(stats.body.workers));
  assert.equal((await page.locator("[data-stat=vacancies] .value").textContent()).replace(/\D/g, ""), String(stats.body.vacancies ?? 0));
  assert.equal(await page.locator("[data-figures=pending]").count(), 0);
  // Every control of the slice form has a label.
  const unlabelled = await page.$$eval("form.figures-form input, form.figures-form select", (els) =>
    els.filter((e) => !(e.labels && e.labels.length) && !e.getAttribute("aria-label")).map((e) => e.outerHTML),
  );
  assert.deepEqual(unlabelled, []);

  // The 2024 cohort (training ended in 2024), everywhere: the demo's Bontang-style summary.
  await figuresFor(page, COHORT_2024);
  const cli = world.figures(sliceArgs(COHORT_2024));
  assert.ok(count(cli.figures.placed).value > 0, `the demo ledger places some of the 2024 cohort: ${JSON.stringify(cli.figures)}`);
  sameFigures(await shownFigures(page), cli);
  assert.equal(await page.locator("[data-summary]").textContent(), sentence(cli, "id", "2024"));
  assert.equal(await page.locator("[data-suppression]").count(), 0, "no suppression for an admin");
  assert.equal(await page.locator("table.sd").count(), 0, "supply and demand only when asked");
  await shot(page, "overview.png", true);

  // Trained at a BLK: the CLI's figures; in English, the sentence agrees in number.
  const blk = { ...COHORT_2024, kind: "BLK" };
  await figuresFor(page, blk);
  const cliBlk = world.figures(sliceArgs(blk));
  sameFigures(await shownFigures(page), cliBlk);
  assert.equal(await page.locator("[data-summary]").textContent(), sentence(cliBlk, "id", "2024"));
  await submitFigures(page, () => page.selectOption("#lang", "en"));
  await page.locator("nav a", { hasText: "Find candidates" }).waitFor();
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.match(await page.locator("h1").textContent(), /Overview/);
  assert.equal(await page.inputValue("select[name=institution_kind]"), "BLK");
  sameFigures(await shownFigures(page), cliBlk, "en-US");
  const english = await page.locator("[data-summary]").textContent();
  assert.equal(english, sentence(cliBlk, "en", "2024"));
  for (const [json, one] of [["placedJob", "job"], ["placedApprenticeship", "apprenticeship"], ["placedOwnBusiness", "own business"]]) {
    const c = count(cliBlk.figures[json]);
    if (c.value === 1) assert.ok(english.includes(` 1 ${one},`) || english.includes(` 1 ${one};`), english);
    if (c.value === 1) assert.ok(!english.includes(` 1 ${one}s`) && !english.includes(` 1 ${one}es`), english);
  }

  // A partner's overview: the server's refusal of the index counts, not an error page.
  const partner = await world.page();
  await world.login(partner, world.keys.partner);
  await partner.goto(`${world.url}#/overview`);
  const denied = await rpc(world, world.keys.partner, "cakap.v1.AdminService/Stats", {});
  assert.equal(denied.status, 403);
  await partner.locator(".stats p", { hasText: denied.body.message }).waitFor();
  assert.deepEqual([...page.errors, ...partner.errors], []);
  await page.context().close();
  await partner.context().close();
});

test("overview as the office (portal): a slice by skill, province, issuer and welfare decile is `cakap figures`'; supply and demand sorts, and its CSV is the table", async () => {
  const page = await world.page();
  await world.login(page, world.keys.portal);
  await page.goto(`${world.url}#/overview`);
  const slice = { skillTyped: "juru las", skill: "LAS", region: "64", issuer: "BNSP", decileMin: "1", decileMax: "6", supplyDemand: true, as_of: TODAY };
  await figuresFor(page, slice);
  // The figures: the CLI embedded on the same index.
  const cli = world.figures(sliceArgs(slice));
  assert.ok(count(cli.figures.workers).value > 0, JSON.stringify(cli.figures));
  sameFigures(await shownFigures(page), cli);
  assert.equal(await page.locator(".figures .status").textContent(), `Angka per ${TODAY}`);
  // Supply and demand: the rows of the live index (the tests add vacancies), by the CLI
  // over gRPC with the same key, in the server's order.
  const live = world.cli(world.keys.portal, ["figures", ...sliceArgs(slice)]);
  sameFigures(await shownFigures(page), live);
  assert.ok(live.supplyDemand?.length > 1, "supply and demand rows for welders in Kalimantan Timur");
  assert.ok(live.supplyDemand.some((r) => count(r.openOpenings).value > 0), "some open openings");
  const tableRows = () =>
    page.$$eval("table.sd tbody tr", (trs) =>
      trs.map((tr) => [tr.dataset.skill, tr.dataset.region, ...[...tr.querySelectorAll("td.num")].map((td) => Number(td.dataset.value))]),
    );
  const expected = live.supplyDemand.map((r) => [r.skill, r.regionCode, ...SD_COLUMNS.map(([, json]) => count(r[json]).value)]);
  assert.deepEqual(await tableRows(), expected);
  const regions = (await rpc(world, world.keys.portal, "cakap.v1.LexiconService/ListRegions", {})).body.regions;
  const firstRegion = await page.locator("table.sd tbody tr td").nth(1).textContent();
  assert.equal(firstRegion, `${regions.find((r) => r.code === expected[0][1]).name} (${expected[0][1]})`);
  await shot(page, "overview-supply-demand.png", true);
  // Sorted by available certified workers, most first (ties in the server's order).
  await page.click("button[data-sort=available_certified]");
  await page.waitForSelector("th[data-col=available_certified][aria-sort=descending]");
  const byAvailable = expected.map((r, i) => ({ r, i })).sort((a, b) => b.r[2] - a.r[2] || a.i - b.i).map((x) => x.r);
  assert.deepEqual(await tableRows(), byAvailable);
  // The CSV export is the table as shown.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-export=supply-demand-csv]")]);
  const csv = parseCsv(readFileSync(await download.path(), "utf8").replace(/^\ufeff/, ""));
  assert.deepEqual(csv[0], ["skill", "region_code", "region", ...SD_COLUMNS.map(([key]) => key)]);
  const shownTable = await page.$$eval("table.sd tbody tr", (trs) =>
    trs.map((tr) => [tr.dataset.skill, tr.dataset.region, tr.children[1].textContent, ...[...tr.querySelectorAll("td.num")].map((td) => td.dataset.value)]),
  );
  assert.deepEqual(
    csv.slice(1).map((r) => [r[0], r[1], `${r[2]} (${r[1]})`, ...r.slice(3)]),
    shownTable,
  );
  // Back in the server's order after the other direction and a different column.
  await page.click("button[data-sort=skill]");
  await page.waitForSelector("th[data-col=skill][aria-sort=ascending]");
  assert.deepEqual((await tableRows()).map((r) => r[0]), [...expected.map((r) => r[0])].sort());
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("overview for a partner, on a phone with the keyboard: counts under 10 are '< 10', never 0; a welfare slice is refused next to the field", async () => {
  const page = await world.page(390, 844);
  await world.login(page, world.keys.partner);
  await page.goto(`${world.url}#/overview`);
  // Keyboard only: the dates typed, Enter in a field submits.
  await page.locator("input[name=cohort_from]").focus();
  await page.keyboard.type(COHORT_2024.cohort_from);
  await page.keyboard.press("Tab");
  await page.keyboard.type(COHORT_2024.cohort_to);
  await submitFigures(page, () => page.keyboard.press("Enter"));
  const cli = world.cli(world.keys.partner, ["figures", ...sliceArgs(COHORT_2024)]);
  assert.equal(cli.minCellSize, 10);
  const suppressed = FIGURES.filter(([, json]) => count(cli.figures[json]).suppressed).map(([key]) => key);
  assert.ok(suppressed.length > 0, `some count of the 2024 cohort is below 10 for a partner: ${JSON.stringify(cli.figures)}`);
  const shown = await shownFigures(page);
  sameFigures(shown, cli);
  for (const key of suppressed) {
    assert.equal(shown[key].text, "< 10", key);
    assert.equal(await page.locator(`[data-figure=${key}] .value`).getAttribute("title"), "antara 1 dan 9");
  }
  assert.equal(await page.locator("[data-summary]").textContent(), sentence(cli, "id", "2024"));
  assert.ok((await page.locator("[data-summary]").textContent()).includes("< 10"));
  const note = page.locator("[data-suppression=shown]");
  assert.match(await note.textContent(), /antara 1 dan 9 orang/);
  // One column: no wider than the phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page wider than the phone by ${overflow}px`);
  await shot(page, "overview-phone.png", true);

  // The welfare decile: the server's PERMISSION_DENIED under the welfare field, no figures.
  await page.selectOption("select[name=welfare_decile_min]", "1");
  await page.selectOption("select[name=welfare_decile_max]", "4");
  await submitFigures(page, () => page.locator("form.figures-form button[type=submit]").click());
  const denied = await rpc(world, world.keys.partner, "cakap.v1.FiguresService/GetFigures", {
    slice: { cohortFrom: COHORT_2024.cohort_from, cohortTo: COHORT_2024.cohort_to, welfareDecileMin: 1, welfareDecileMax: 4 },
  });
  assert.equal(denied.status, 403);
  const error = page.locator("[data-field-error=welfare_decile]");
  assert.equal(await error.textContent(), denied.body.message);
  assert.equal(await error.isVisible(), true);
  assert.equal(await page.locator("select[name=welfare_decile_min]").getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator(".figure-tiles").count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("overview: a date the server cannot read in the cohort, or a region outside a partner's, gets the server's message next to that field", async () => {
  const page = await world.page();
  await world.login(page, world.keys.portal);
  await page.goto(`${world.url}#/overview`);
  await figuresFor(page, { cohort_from: "2024-13-01", cohort_to: "2024-12-31" });
  const expected = await rpc(world, world.keys.portal, "cakap.v1.FiguresService/GetFigures", { slice: { cohortFrom: "2024-13-01", cohortTo: "2024-12-31" } });
  assert.equal(expected.status, 400);
  assert.match(expected.body.message, /^slice\.cohort_from: /);
  const error = page.locator("[data-field-error=cohort_from]");
  assert.equal(await error.textContent(), expected.body.message);
  assert.equal(await page.locator("[data-field=cohort_from]").getAttribute("class"), "field invalid");
  assert.equal(await page.locator("input[name=cohort_from]").getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("[data-field-error=cohort_to]").textContent(), "");
  // Corrected: the error goes, the figures come.
  await figuresFor(page, COHORT_2024);
  assert.equal(await error.textContent(), "");
  sameFigures(await shownFigures(page), world.figures(sliceArgs(COHORT_2024)));
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // A partner restricted to Kalimantan Selatan: its own regions' figures by default, and
  // the server's refusal of another province under the region field.
  const kalsel = await world.page();
  await world.login(kalsel, world.keys.kalsel);
  await kalsel.goto(`${world.url}#/overview`);
  await figuresFor(kalsel, COHORT_2024);
  sameFigures(await shownFigures(kalsel), world.cli(world.keys.kalsel, ["figures", ...sliceArgs(COHORT_2024)]));
  await figuresFor(kalsel, { ...COHORT_2024, region: "64" });
  const outside = await rpc(world, world.keys.kalsel, "cakap.v1.FiguresService/GetFigures", {
    slice: { cohortFrom: COHORT_2024.cohort_from, cohortTo: COHORT_2024.cohort_to, regionCodes: ["64"] },
  });
  assert.equal(outside.status, 403);
  assert.equal(await kalsel.locator("[data-field-error=region_codes]").textContent(), outside.body.message);
  assert.equal(await kalsel.locator("select[name=region_codes]").getAttribute("aria-invalid"), "true");
  assert.deepEqual(kalsel.errors, []);
  await kalsel.context().close();
});

test("on a phone: one column, keyboard-only autocomplete, the plain map without tiles", async () => {
  const page = await world.page(390, 844);
  await world.login(page, world.keys.partner);
  // Keyboard only: Tab to the skill field, type, pick with the arrow key and Enter.
  await page.locator("[data-skill-input=required]").focus();
  await page.keyboard.type("tukang las");
  await page.locator(".suggestions li[data-code=LAS]").waitFor();
  assert.equal(await page.locator("[data-skill-input=required]").getAttribute("aria-expanded"), "true");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.locator(".suggestions li[aria-selected=true]").getAttribute("data-code"), "LAS");
  await page.keyboard.press("Enter");
  await page.locator(".chip", { hasText: "LAS" }).waitFor();
  await page.selectOption("select[name=region]", "63.11");
  await page.fill("input[name=start]", START);
  await page.keyboard.press("Enter"); // submits the form
  await page.waitForSelector("li.candidate");
  const form = await page.locator(".find-form").boundingBox();
  const map = await page.locator(".map").boundingBox();
  const results = await page.locator(".find-results").boundingBox();
  assert.ok(form.y + form.height <= map.y + 1 && map.y + map.height <= results.y + 1, "form, map and results stacked");
  assert.ok(map.width <= 390 && results.width <= 390);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page wider than the phone by ${overflow}px`);
  // No tile URL set: the plain map note, no tile requested.
  assert.equal(await page.locator("img.leaflet-tile").count(), 0);
  assert.ok((await page.locator(".map-note").textContent()).length > 0);
  // Every control of the form has a label.
  const unlabelled = await page.$$eval(".search-form input, .search-form select", (els) =>
    els.filter((e) => !(e.labels && e.labels.length) && !e.getAttribute("aria-label")).map((e) => e.outerHTML),
  );
  assert.deepEqual(unlabelled, []);
  // The map and the first results, as a phone shows them.
  await page.evaluate(() => document.querySelector(".find-map").scrollIntoView());
  await shot(page, "find-phone.png");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a tile URL that cannot be reached falls back to the plain map, never an error", async () => {
  const page = await world.page();
  await world.login(page, world.keys.partner);
  await page.getByRole("button", { name: "Pengaturan peta" }).click();
  await page.fill("input[name=tile-url]", "http://127.0.0.1:9/{z}/{x}/{y}.png");
  await page.getByRole("button", { name: "Simpan" }).click();
  await page.waitForSelector(".map");
  await page.waitForFunction(() => document.querySelector(".map-note")?.textContent.length > 0 && !document.querySelector(".leaflet-tile-pane img.leaflet-tile-loaded"));
  await page.waitForFunction(() => document.querySelectorAll(".leaflet-tile-pane img").length === 0, null, { timeout: 15000 });
  assert.ok((await page.locator("path.region-point").count()) > 50);
  await searchWelders(page);
  assert.ok((await shownCandidates(page)).length > 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
