/**
 * The publisher tag's cost to a page: its size on the wire, and in headless Chromium on the demo
 * page (through the local platform) the time from the tag's start to its first rendered ad and
 * the longest main-thread task it causes, at full speed and with the CPU throttled 4x (a
 * mid-range phone). One JSON line per figure.
 *
 *   npx tsc -p tsconfig.json && node dist/scripts/build-widget.js && node dist/bench/widget.js
 */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { buildWidget, WIDGET_BUNDLE } from '../scripts/build-widget';
import { chromiumMissing, launchChromium, newReader, startDemoPlatform, warmUp } from '../test/kit/widget';
import { median, report, round } from './lib';

const VIEWS = 15;
const SIZE_GOAL_BYTES = 8 * 1024;
const TASK_GOAL_MS = 50;

/**
 * Installed before any page script: records long tasks, and long animation frames with their
 * script attribution, so a long task can be blamed on the tag (or not).
 */
const OBSERVE = `
window.__tasks = []; window.__frames = [];
try { new PerformanceObserver((l) => window.__tasks.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true }); } catch (e) {}
try { new PerformanceObserver((l) => window.__frames.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration, scripts: (e.scripts || []).map((s) => ({ url: s.sourceURL, start: s.startTime, duration: s.duration })) })))).observe({ type: 'long-animation-frame', buffered: true }); } catch (e) {}
`;

interface Sample {
  firstAdMs: number;
  /** Longest long task (over 50 ms) during which the tag's code ran; 0 when there was none. */
  tagTaskMs: number;
  /** Longest stretch of the tag's own code inside a long animation frame. */
  tagScriptMs: number;
  /** Longest task on the page, whoever caused it. */
  pageTaskMs: number;
}

interface Observed {
  measure: number | null;
  tasks: { start: number; duration: number }[];
  frames: { start: number; duration: number; scripts: { url: string; start: number; duration: number }[] }[];
}

async function sample(browser: Browser, url: string, cpuSlowdown: number): Promise<Sample> {
  const context = await newReader(browser);
  try {
    await context.addInitScript(OBSERVE);
    const page = await context.newPage();
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    await page.goto(url);
    await page.waitForFunction("performance.getEntriesByName('tagline:first-ad').length > 0", undefined, { timeout: 15_000 });
    await page.waitForTimeout(500);
    const seen = JSON.parse(
      await page.evaluate<string>(`JSON.stringify({
        measure: performance.measure('tagline', 'tagline:start', 'tagline:first-ad').duration,
        tasks: window.__tasks, frames: window.__frames })`),
    ) as Observed;
    const tagScripts = seen.frames.flatMap((f) => f.scripts).filter((s) => s.url.includes('tagline.js'));
    const tagTasks = seen.tasks.filter((t) => tagScripts.some((s) => s.start < t.start + t.duration && s.start + s.duration > t.start));
    return {
      firstAdMs: seen.measure ?? Number.NaN,
      tagTaskMs: Math.max(0, ...tagTasks.map((t) => t.duration)),
      tagScriptMs: Math.max(0, ...tagScripts.map((s) => s.duration)),
      pageTaskMs: Math.max(0, ...seen.tasks.map((t) => t.duration)),
    };
  } finally {
    await context.close();
  }
}

async function browserFigures(): Promise<void> {
  const demo = await startDemoPlatform();
  const browser = await launchChromium();
  try {
    const url = `${demo.platform.url}/`;
    const ads = await warmUp(browser, url, (list) => list.length >= 3);
    for (const slowdown of [1, 4]) {
      const samples: Sample[] = [];
      for (let i = 0; i < VIEWS; i++) samples.push(await sample(browser, url, slowdown));
      const label = slowdown === 1 ? '' : `, CPU ${slowdown}x slower`;
      const worstTag = Math.max(...samples.map((s) => s.tagTaskMs));
      const worstScript = round(Math.max(...samples.map((s) => s.tagScriptMs)), 1);
      const worstPage = round(Math.max(...samples.map((s) => s.pageTaskMs)), 1);
      report({
        name: `widget: tag start to first ad rendered (demo page${label})`,
        value: round(median(samples.map((s) => s.firstAdMs)), 1),
        unit: 'ms median',
        note: `${VIEWS} page views, ${ads.length} ads each; includes DOM ready, the ad request round trip and the creative's load; max ${round(Math.max(...samples.map((s) => s.firstAdMs)), 1)} ms`,
      });
      const note = `worst of ${VIEWS} page views; 0 = no long task ran the tag's code. The tag's own code ran at most ${worstScript} ms at a time; the longest task on the page, whoever ran it (parsing, layout, image decoding): ${worstPage} ms`;
      // The goal is the desktop one; the throttled run shows how the same page fares on a slow phone.
      report({
        name: `widget: longest main-thread task running the tag (demo page${label})`,
        value: round(worstTag, 1),
        unit: 'ms',
        ...(slowdown === 1 ? { goal: `none over ${TASK_GOAL_MS} ms`, pass: worstTag <= TASK_GOAL_MS } : {}),
        note,
      });
    }
  } finally {
    await browser.close();
    await demo.close();
  }
}

async function main(): Promise<void> {
  await buildWidget();
  const bundle = readFileSync(WIDGET_BUNDLE);
  const gzip = gzipSync(bundle, { level: 9 }).length;
  const br = brotliCompressSync(bundle, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  report({
    name: 'widget: tag size, minified + gzip',
    value: gzip,
    unit: 'bytes',
    goal: `<= ${SIZE_GOAL_BYTES} bytes`,
    pass: gzip <= SIZE_GOAL_BYTES,
    note: `${bundle.length} bytes minified, ${br} bytes brotli (what ad-decision serves to browsers that accept it)`,
  });
  const missing = chromiumMissing();
  if (missing !== undefined) {
    for (const name of ['widget: tag start to first ad rendered (demo page)', 'widget: longest main-thread task running the tag (demo page)']) report({ name, value: 0, unit: 'ms', skipped: missing });
    return;
  }
  await browserFigures();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
