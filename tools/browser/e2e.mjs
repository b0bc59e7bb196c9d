#!/usr/bin/env node
// End-to-end check of Dyad's graph in Neo4j Browser, in Debian's headless
// Chromium driven by playwright-core (never a downloaded browser).
//
//   NEO4J_PASSWORD=... node tools/browser/e2e.mjs --url http://127.0.0.1:7474/browser/ \
//       --bolt bolt://127.0.0.1:7687 --user neo4j [--database neo4j] --spec spec.json
//
// It opens the Browser served by Neo4j at --url, connects to --bolt with
// --user and $NEO4J_PASSWORD, applies the style by dropping its GraSS file
// onto the page (as docs/browser.md tells users to), then runs each step of
// the spec, one editor run per statement, and checks the result frame. The
// Go test internal/browsertest writes the spec; its shape:
//
//   {"style": "path/to/dyad.grass", "failureScreenshot": "path.png",
//    "steps": [{"name": "...", "statements": [":param {...}", "MATCH ..."],
//               "expectText": ["text in the result frame", ...],
//               "openStatements": {"count": 3},  (a script pasted whole: each must succeed)
//               "expectNodes": 36,                      // drawn graph nodes (optional)
//               "expectRelationships": 46,              // drawn relationships, with expectNodes (optional)
//               "captionsWhole": ["Russia", ...],       // every node caption must be one of these (optional)
//               "expectLabels": {"State": "#4C8EDA"},   // legend label -> colour (optional)
//               "fullscreen": true,                     // maximise the frame first (optional)
//               "screenshot": "path.png"}]}             // of the result frame (optional)
//
// Exit status 0 when every check passed, 1 when one failed (with what was
// seen on stderr, and a screenshot of the whole page at spec.failureScreenshot,
// by default e2e-failure.png next to the spec), 2 on bad arguments.
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, basename, resolve } from 'node:path';
import { chromium } from 'playwright-core';

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    out[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
  }
  for (const k of ['url', 'bolt', 'spec']) {
    if (!out[k]) throw new Error(`missing --${k}`);
  }
  out.user = out.user || 'neo4j';
  out.chromium = out.chromium || process.env.DYAD_CHROMIUM || '/usr/bin/chromium';
  out.timeout = Number(out.timeout || 60000);
  return out;
}

let args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`e2e: ${e.message}\nusage: NEO4J_PASSWORD=... node e2e.mjs --url URL --bolt BOLT_URI [--user neo4j] --spec spec.json [--chromium /usr/bin/chromium]`);
  process.exit(2);
}
const password = process.env.NEO4J_PASSWORD;
if (!password) {
  console.error('e2e: set NEO4J_PASSWORD');
  process.exit(2);
}
const spec = JSON.parse(readFileSync(args.spec, 'utf8'));
const log = (...a) => console.log('e2e:', ...a);

class CheckError extends Error {}
const fail = (msg) => {
  throw new CheckError(msg);
};

// The launch flags of /work/.library/env/machines/polyglot.md: no GPU, no
// QUIC, and no background connections (the machine's network is closed).
// Playwright gives the browser a fresh, empty user-data-dir.
const browser = await chromium.launch({
  executablePath: args.chromium,
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 1 });
await context.grantPermissions(['clipboard-read', 'clipboard-write']);
// Browser asks the internet for news, fonts and usage stats; only loopback
// is allowed, so the run is the same offline.
await context.route((u) => !/^(https?|wss?):\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(u.toString()), (r) => r.abort());
const page = await context.newPage();
page.setDefaultTimeout(args.timeout);
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));

let exit = 0;
try {
  await run();
  log('all checks passed');
} catch (e) {
  exit = 1;
  console.error(`e2e: FAIL: ${e instanceof CheckError ? e.message : e.stack || e}`);
  if (pageErrors.length) console.error(`e2e: page errors:\n  ${pageErrors.join('\n  ')}`);
  const where = resolve(spec.failureScreenshot || resolve(dirname(args.spec), 'e2e-failure.png'));
  try {
    await page.screenshot({ path: where, fullPage: true });
    console.error(`e2e: the page at the failure: ${where}`);
  } catch {}
} finally {
  await browser.close();
}
process.exit(exit);

async function run() {
  // Connect: ?dbms= fills in the connect form's URL and user; the password
  // is typed as a user would.
  const bolt = new URL(args.bolt);
  const dbms = `${bolt.protocol}//${encodeURIComponent(args.user)}@${bolt.host}`;
  const url = new URL(args.url);
  url.searchParams.set('dbms', dbms);
  if (args.database) url.searchParams.set('db', args.database);
  log('opening', url.toString());
  await page.goto(url.toString());
  await page.getByTestId('password').fill(password);
  await page.getByTestId('connect').click();
  const connected = page.getByText('You are connected as user');
  const refused = page.locator('[data-testid="frame"]').filter({ hasText: /authentication failure|unauthorized|ServiceUnavailable|Could not perform discovery|WebSocket connection failure/i });
  await Promise.race([connected.first().waitFor(), refused.first().waitFor().then(async () => fail(`connecting to ${args.bolt} failed: ${(await refused.first().innerText()).replace(/\s+/g, ' ').slice(0, 400)}`))]);
  log('connected to', args.bolt, 'as', args.user);

  if (spec.style) await applyStyle(spec.style);
  for (const step of spec.steps || []) await runStep(step);
}

// applyStyle drops the GraSS file onto the Browser window, which applies it
// and runs :style to show the style in effect.
async function applyStyle(path) {
  const text = readFileSync(path, 'utf8');
  const dt = await page.evaluateHandle(([name, text]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'text/plain' }));
    return dt;
  }, [basename(path), text]);
  await page.locator('.filedrop').first().dispatchEvent('drop', { dataTransfer: dt });
  const frame = await newestFrame(':style');
  const shown = await frame.innerText();
  for (const sel of ['node.State', 'relationship.WEAKENS']) {
    if (!shown.includes(sel)) fail(`after dropping ${path}, the :style frame does not show ${sel}:\n${shown.slice(0, 400)}`);
  }
  log('applied the style', path);
}

// newestFrame waits until the top frame of the stream is the one for cmd
// and has finished, and returns it.
async function newestFrame(cmd) {
  const top = page.getByTestId('frame').first();
  const want = oneLine(cmd).slice(0, 40);
  await page.waitForFunction(
    (want) => {
      const f = document.querySelector('[data-testid="frame"]');
      if (!f) return false;
      const c = f.querySelector('[data-testid="frameCommand"]');
      const text = (c ? c.textContent : f.textContent).replace(/\s+/g, ' ');
      return text.includes(want);
    },
    want,
  );
  // A Cypher frame shows a spinner until the result arrives.
  await page.waitForFunction(() => {
    const f = document.querySelector('[data-testid="frame"]');
    return f && !f.querySelector('.fa-spinner, [class*="Spinner"], [data-testid="spinner"]');
  });
  return top;
}

function oneLine(s) {
  return s.replace(/\s+/g, ' ').trim();
}

async function runStatement(statement) {
  const editor = page.getByTestId('activeEditor');
  await editor.click();
  // Empty the editor, then paste the statement as a user would: typed
  // text gets the editor's auto-closed brackets, pasted text does not.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.evaluate((text) => navigator.clipboard.writeText(text), statement);
  await page.keyboard.press('Control+V');
  await page.waitForFunction(
    (n) => (document.querySelector('[data-testid="activeEditor"]')?.textContent || '').replace(/\s+/g, '').length >= n,
    Math.min(40, statement.replace(/\s+/g, '').length),
  );
  await page.getByTestId('editor-Run').click();
  const frame = await newestFrame(statement);
  const text = await frame.innerText();
  if (/\bERROR\b|Neo\.ClientError|Syntax Error|Could not parse/.test(text)) {
    fail(`running ${oneLine(statement).slice(0, 80)}... gave an error:\n${text.slice(0, 800)}`);
  }
  return frame;
}

async function runStep(step) {
  log(`step ${step.name}`);
  let frame;
  for (const st of step.statements) frame = await runStatement(st);
  if (step.openStatements) {
    // A script pasted whole runs as one multi-statement frame: a row per
    // statement, each with its status; a row opens its result when clicked.
    // The rows are found by their text (the frame's own command line, which
    // starts the same way, comes first and is skipped).
    const start = /^(:param|MATCH|CALL|WITH|UNWIND|OPTIONAL|RETURN)\b/;
    const rows = frame.getByText(start);
    const skip = await frame.getByTestId('frameCommand').getByText(start).count();
    const n = (await rows.count()) - skip;
    if (n !== step.openStatements.count) fail(`${step.name}: the frame lists ${n} statements, want ${step.openStatements.count}`);
    // Browser shows each statement's status, not its rows, one row open at
    // a time: open each in turn, and each must say SUCCESS.
    for (let i = 0; i < n; i++) {
      await rows.nth(skip + i).click();
      await frame.getByText('SUCCESS', { exact: true }).first().waitFor({ timeout: 10000 })
        .catch(() => fail(`${step.name}: statement ${i + 1} of ${n} does not say SUCCESS`));
      await rows.nth(skip + i).click();
    }
    log(`  ${n} statements run, each SUCCESS`);
  }
  if (step.fullscreen) await frame.getByTitle('Fullscreen').click();
  if (step.expectNodes !== undefined) {
    // Wait for the force layout to draw every node, then let it settle.
    const nodes = frame.locator('svg g.node');
    await page.waitForFunction(
      ([n]) => document.querySelector('[data-testid="frame"]').querySelectorAll('svg g.node').length >= n,
      [step.expectNodes],
    ).catch(() => {});
    const got = await nodes.count();
    if (got !== step.expectNodes) fail(`${step.name}: the graph shows ${got} nodes, want ${step.expectNodes}`);
    log(`  ${got} nodes drawn`);
    await page.waitForTimeout(step.settleMs ?? 3000);
    if (step.expectRelationships !== undefined) {
      // With "Connect result nodes" on, Browser adds every relationship
      // between the nodes drawn: the step must have returned them all.
      const rels = await frame.locator('svg g.relationship').count();
      if (rels !== step.expectRelationships) fail(`${step.name}: the graph shows ${rels} relationships, want the ${step.expectRelationships} the query returns`);
      log(`  ${rels} relationships drawn`);
    }
    // Fill the frame with the graph (the zoom animates).
    // dispatchEvent: a layer of the fullscreen frame can lie over the button
    // while the layout settles, and a pointer click would wait for it.
    await frame.locator('[aria-label="zoom-to-fit"]').dispatchEvent('click');
    await page.waitForTimeout(1500);
  }
  if (step.captionsWhole) {
    // Browser cuts a caption that does not fit its node (mid-word, or with
    // "…" added to the last word it fits): every drawn caption must be one
    // of the captions the graph holds, whole.
    const whole = new Set(step.captionsWhole.map(oneLine));
    const drawn = await nodeCaptions(frame);
    const cut = drawn.filter((c) => !whole.has(c));
    if (cut.length) fail(`${step.name}: ${cut.length} of ${drawn.length} captions are cut: ${cut.slice(0, 10).map((c) => JSON.stringify(c)).join(', ')}`);
    log(`  ${drawn.length} captions whole`);
  }
  const text = await frame.innerText();
  for (const want of step.expectText || []) {
    if (!text.includes(want)) fail(`${step.name}: the result frame does not show ${JSON.stringify(want)}; it shows:\n${text.slice(0, 1500)}`);
  }
  if (step.expectText?.length) log(`  shows ${step.expectText.length} expected texts`);
  for (const [label, colour] of Object.entries(step.expectLabels || {})) {
    const chip = frame.getByTestId(`property-details-overview-node-label-${label}`);
    if ((await chip.count()) === 0) fail(`${step.name}: the legend has no label ${label}`);
    const bg = await chip.first().evaluate((el) => getComputedStyle(el).backgroundColor);
    if (rgb(bg) !== rgb(colour)) fail(`${step.name}: ${label} is drawn in ${bg}, want ${colour} (is the style applied?)`);
  }
  if (step.expectLabels) log(`  labels styled: ${Object.keys(step.expectLabels).join(', ')}`);
  if (step.expectCaptions) {
    const all = (await nodeCaptions(frame)).join(' | ');
    for (const want of step.expectCaptions) {
      if (!all.includes(want)) fail(`${step.name}: no node caption shows ${JSON.stringify(want)}; captions: ${all.slice(0, 800)}`);
    }
    log(`  captions include ${step.expectCaptions.join(', ')}`);
  }
  if (step.screenshot) {
    mkdirSync(dirname(step.screenshot), { recursive: true });
    await frame.screenshot({ path: step.screenshot });
    log(`  screenshot ${step.screenshot}`);
  }
  if (step.fullscreen) await frame.getByTitle('Close fullscreen').click();
}

// nodeCaptions returns each drawn node's caption: its <text> lines joined.
async function nodeCaptions(frame) {
  const captions = await frame.locator('svg g.node').evaluateAll((gs) =>
    gs.map((g) => [...g.querySelectorAll('text.caption')].map((t) => t.textContent.trim()).join(' ')));
  return captions.map(oneLine);
}

// rgb normalises #RRGGBB and rgb(r, g, b) to "r,g,b".
function rgb(c) {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c.trim());
  if (hex) return hex.slice(1).map((h) => parseInt(h, 16)).join(',');
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c);
  return m ? m.slice(1, 4).join(',') : c;
}
