// A small driver of headless Chromium for tests/site_browser.rs: no Puppeteer or Playwright
// (and none of their browser downloads), only Node's standard library and the Chrome DevTools
// Protocol over a pipe (`--remote-debugging-pipe`: JSON messages ended by a NUL byte, written
// to the browser's fd 3 and read from its fd 4). It opens the site's pages from disk
// (file://, as a municipality might preview them), does one task, and prints what it saw as
// JSON; the Rust test judges it.
//
//   node browser.mjs TASK OPTIONS_JSON
//
// OPTIONS_JSON: { chromium, flags, profile, site, pages, axe, shots, width, js, queries }.
// Tasks:
//   axe          run axe-core (WCAG 2.0/2.1 A and AA rules) on each page, with JavaScript on
//                and every <details> open, so the filters and the browse lists are checked
//   keyboard     press Tab until focus leaves the page; report every stop and whether its
//                focus is visible (an outline of 2px or more, inside the viewport)
//   filter       type each query into the filters; report the status line and the measures shown
//   nojs         with JavaScript off: which measures show, and where every link goes
//   screenshots  full-page PNGs at one width, and whether anything is wider than the screen
// Every task also reports each URL the pages requested, to prove there are no external requests.

import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [task, optionsJson] = process.argv.slice(2);
const options = JSON.parse(optionsJson);

// A browser that hangs must not hang the test suite: give up after two minutes, loudly.
setTimeout(() => {
  process.stdout.write(JSON.stringify({ task, error: "gave up after 120 s", stderr: stderr.slice(-2000) }) + "\n");
  browser.kill("SIGKILL");
  process.exit(0);
}, 120_000).unref();

const browser = spawn(
  options.chromium,
  [...options.flags, "--remote-debugging-pipe", `--user-data-dir=${options.profile}`, "about:blank"],
  { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] },
);
let stderr = "";
browser.stdio[2].on("data", (d) => (stderr += d));
const toBrowser = browser.stdio[3];
const fromBrowser = browser.stdio[4];

let nextId = 1;
const pending = new Map();
const waiters = [];
let buffer = Buffer.alloc(0);
fromBrowser.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  let end;
  while ((end = buffer.indexOf(0)) >= 0) {
    const message = JSON.parse(buffer.subarray(0, end).toString("utf8"));
    buffer = buffer.subarray(end + 1);
    if (message.id !== undefined && pending.has(message.id)) {
      const { resolve, reject, method } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    } else {
      for (const w of [...waiters]) w(message);
    }
  }
});

function send(method, params = {}, sessionId = undefined) {
  const id = nextId++;
  toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + "\0");
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject, method }));
}

function once(method, sessionId) {
  return new Promise((resolve) => {
    const w = (m) => {
      if (m.method === method && m.sessionId === sessionId) {
        waiters.splice(waiters.indexOf(w), 1);
        resolve(m.params);
      }
    };
    waiters.push(w);
  });
}

const requested = [];
let session;
const call = (method, params) => send(method, params, session);

async function evaluate(expression) {
  const r = await call("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true });
  if (r.exceptionDetails) throw new Error(`${expression.slice(0, 80)}: ${JSON.stringify(r.exceptionDetails)}`);
  return r.result.value;
}

async function open(page) {
  const loaded = once("Page.loadEventFired", session);
  await call("Page.navigate", { url: pathToFileURL(`${options.site}/${page}`).href });
  await loaded;
}

// A key pressed and let go, as Puppeteer sends it (Enter carries its text, so it activates).
async function press(key, code, keyCode, text = undefined) {
  await call("Input.dispatchKeyEvent", { type: "keyDown", key, code, windowsVirtualKeyCode: keyCode, text });
  await call("Input.dispatchKeyEvent", { type: "keyUp", key, code, windowsVirtualKeyCode: keyCode });
}

// Polls the page until `expression` is true (the status line waits for typing to stop).
async function until(expression) {
  for (let i = 0; i < 100; i++) {
    if (await evaluate(expression)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), id: el.id, href: el.getAttribute("href"),
    text: (el.innerText || el.value || "").trim().replace(/\\s+/g, " ").slice(0, 80),
    card: el.closest("li[data-search]") ? el.closest("li[data-search]").id : null,
    outline: cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2 && el.matches(":focus-visible"),
    in_view: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
  };
})()`;

const SHOWN = `[...document.querySelectorAll("#tiltak li[data-search]")]
  .filter((li) => li.getClientRects().length > 0).map((li) => li.id.slice(2))`;

const tasks = {
  async axe() {
    const source = readFileSync(options.axe, "utf8");
    const out = {};
    for (const page of options.pages) {
      await open(page);
      await evaluate(`document.querySelectorAll("details").forEach((d) => (d.open = true)); true`);
      await evaluate(source + "\n;true");
      out[page] = await evaluate(`axe.run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
          resultTypes: ["violations"],
        }).then((r) => ({
          version: axe.version,
          form_shown: !document.getElementById("filter") || !document.getElementById("filter").hidden,
          rules: r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length,
          violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary) })),
        }))`);
    }
    return out;
  },

  async keyboard() {
    const out = {};
    for (const page of options.pages) {
      await open(page);
      const stops = [];
      for (let i = 0; i < 400; i++) {
        await press("Tab", "Tab", 9);
        const f = await evaluate(FOCUSED);
        if (f === null || (stops.length > 0 && f.id === stops[0].id && f.href === stops[0].href && f.text === stops[0].text)) break;
        stops.push(f);
      }
      // A <details> opens from the keyboard, and its links follow in the Tab order.
      const opened = await evaluate(`(() => {
        const s = document.querySelector("details summary"); if (!s) return null; s.focus(); return true; })()`);
      let details = null;
      if (opened) {
        await press("Enter", "Enter", 13, "\r");
        await press("Tab", "Tab", 9);
        details = await evaluate(`({ open: document.querySelector("details").open,
          next: document.activeElement.closest("details") === document.querySelector("details") })`);
      }
      out[page] = { stops, details };
    }
    return out;
  },

  async filter() {
    await open(options.pages[0]);
    const out = [];
    for (const q of options.queries) {
      // The user's own way: click into a field, clear it, type (or choose).
      await evaluate(`document.getElementById("filter").reset(); true`);
      await until(`document.getElementById("antall").textContent.startsWith(document.getElementById("antall").dataset.all.split("{n}")[0])`);
      for (const [field, value] of Object.entries(q)) {
        await evaluate(`document.getElementById(${JSON.stringify(field)}).focus(); true`);
        if (field === "q" || field === "age") await call("Input.insertText", { text: value });
        else await evaluate(`(() => { const s = document.getElementById(${JSON.stringify(field)});
          s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event("change", { bubbles: true })); return true; })()`);
      }
      const shownNow = await evaluate(SHOWN);
      // The status line says the count once typing stops: wait for its words for this count.
      const settled = await until(`(() => {
        const st = document.getElementById("antall"), n = ${shownNow.length};
        const total = document.querySelectorAll("#tiltak li[data-search]").length;
        const words = n === total ? st.dataset.all : n === 0 ? st.dataset.none : st.dataset.some;
        return st.textContent === words.replace("{n}", n).replace("{total}", total); })()`);
      out.push({
        query: q, shown: shownNow, settled,
        status: await evaluate(`document.getElementById("antall").textContent`),
        live: await evaluate(`document.getElementById("antall").getAttribute("aria-live")`),
        address: await evaluate(`location.search`),
      });
    }
    return out;
  },

  async nojs() {
    await call("Emulation.setScriptExecutionDisabled", { value: true });
    const out = {};
    for (const page of options.pages) {
      await open(page);
      out[page] = await evaluate(`({
        shown: ${SHOWN},
        form_shown: !!document.getElementById("filter") && document.getElementById("filter").getClientRects().length > 0,
        noscript: [...document.querySelectorAll("noscript")].map((n) => n.textContent.trim()),
        links: [...document.querySelectorAll("a[href]")].map((a) => a.href),
        details: [...document.querySelectorAll("details")].map((d) => ({ id: d.id,
          links: [...d.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")) })),
        h1: document.querySelector("h1").innerText,
      })`);
    }
    return out;
  },

  async screenshots() {
    const out = {};
    const width = options.width;
    await call("Emulation.setDeviceMetricsOverride", { width, height: 900, deviceScaleFactor: 1, mobile: width < 600 });
    for (const page of options.pages) {
      await open(page);
      const metrics = await call("Page.getLayoutMetrics");
      const height = Math.ceil(metrics.cssContentSize.height);
      const shot = await call("Page.captureScreenshot", {
        format: "png", captureBeyondViewport: true, clip: { x: 0, y: 0, width, height, scale: 1 },
      });
      const file = `${options.shots}/${page.replace(/\.html$/, "").replace(/\//g, "-")}-${width}.png`;
      writeFileSync(file, Buffer.from(shot.data, "base64"));
      out[page] = {
        file, height,
        scroll_width: await evaluate(`document.documentElement.scrollWidth`),
        inner_width: await evaluate(`innerWidth`),
      };
      // Printed, the page keeps its content and leaves out what only works on a screen.
      await call("Emulation.setEmulatedMedia", { media: "print" });
      out[page].print = await evaluate(`({
        hidden: [".hopp", "#filter", ".bla", "#antall"].filter((s) => document.querySelector(s))
          .filter((s) => getComputedStyle(document.querySelector(s)).display === "none"),
        shown: [...document.querySelectorAll("h1, #tiltak li, main h2")].filter((e) => e.getClientRects().length > 0).length,
      })`);
      await call("Emulation.setEmulatedMedia", { media: "" });
    }
    return out;
  },
};

let result;
try {
  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  ({ sessionId: session } = await send("Target.attachToTarget", { targetId, flatten: true }));
  waiters.push((m) => {
    if (m.method === "Network.requestWillBeSent" && m.sessionId === session) requested.push(m.params.request.url);
  });
  await call("Page.enable");
  await call("Runtime.enable");
  await call("Network.enable");
  if (options.js === false) await call("Emulation.setScriptExecutionDisabled", { value: true });
  result = { task, result: await tasks[task](), requested };
} catch (e) {
  result = { task, error: String(e && e.stack ? e.stack : e), stderr: stderr.slice(-2000) };
}
process.stdout.write(JSON.stringify(result) + "\n");
try {
  await send("Browser.close");
} catch {
  // Already gone.
}
browser.kill();
process.exit(0);
