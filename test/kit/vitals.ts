/**
 * What the publisher tag costs a page in Core Web Vitals, measured in the page itself: layout
 * shifts (with the elements that moved, so a shift can be blamed on the tag), long tasks and long
 * animation frames (with the scripts that ran in them), and every ad request the tag sent.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { delay } from './widget';

/**
 * Installed before any page script. A node belongs to the tag when it is, or sits inside, a slot
 * (`data-tagline-slot`), a space the tag reserved or an ad it rendered. A node the page cannot
 * name (inside a shadow root, where the tag draws its ads, or removed) counts as the tag's too.
 */
const OBSERVE = `(() => {
  const v = (window.__vitals = { shifts: [], tasks: [], frames: [] });
  const TAG = '[data-tagline-slot],[data-tagline-ad],[data-tagline-space]';
  const ownedByTag = (node) => {
    if (!node) return true;
    for (let n = node; n; n = n.parentNode || n.host) if (n.nodeType === 1 && n.matches(TAG)) return true;
    return false;
  };
  const describe = (node) => (node && node.nodeType === 1 ? node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + (node.className && typeof node.className === 'string' ? '.' + node.className.split(' ').join('.') : '') : node ? node.nodeName : 'removed');
  const rect = (r) => [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
  const observe = (type, fn) => { try { new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch (e) {} };
  observe('layout-shift', (e) => v.shifts.push({ at: e.startTime, value: e.value, input: e.hadRecentInput,
    sources: (e.sources || []).map((s) => ({ node: describe(s.node), tag: ownedByTag(s.node), from: rect(s.previousRect), to: rect(s.currentRect) })) }));
  observe('longtask', (e) => v.tasks.push({ start: e.startTime, duration: e.duration }));
  observe('long-animation-frame', (e) => v.frames.push({ start: e.startTime, duration: e.duration,
    scripts: (e.scripts || []).map((s) => ({ url: s.sourceURL, invoker: s.invoker, start: s.startTime, duration: s.duration })) }));
})();`;

export interface Shift {
  at: number;
  value: number;
  input: boolean;
  /** What moved: the element (`removed` when it is gone or inside a shadow root), and its boxes [x, y, width, height]. */
  sources: { node: string; tag: boolean; from: number[]; to: number[] }[];
}

interface Observed {
  shifts: Shift[];
  tasks: { start: number; duration: number }[];
  frames: { start: number; duration: number; scripts: { url: string; invoker: string; start: number; duration: number }[] }[];
}

export interface Vitals {
  /** Every layout shift not caused by the reader's input, summed (stricter than CLS's worst window). */
  cls: number;
  /** The part of `cls` from shifts in which one of the tag's elements moved. */
  tagCls: number;
  shifts: Shift[];
  /** Long tasks (≥ 50 ms) during which the tag's script ran, by duration. */
  tagTasks: number[];
  /** The longest stretch the tag's script ran inside a long animation frame (0: none seen). */
  tagScriptMs: number;
  /** Every long task of the page, whoever ran it. */
  pageTasks: number[];
}

/** Start recording layout shifts and long tasks in every page of `context` (before navigating). */
export async function recordVitals(context: BrowserContext): Promise<void> {
  await context.addInitScript(OBSERVE);
}

/** What the page has recorded so far; `tagScript` is a substring of the tag's script URL. */
export async function readVitals(page: Page, tagScript = 'tagline.js'): Promise<Vitals> {
  const seen = JSON.parse(await page.evaluate<string>('JSON.stringify(window.__vitals)')) as Observed;
  const counted = seen.shifts.filter((s) => !s.input);
  const tagScripts = seen.frames.flatMap((f) => f.scripts).filter((s) => s.url.includes(tagScript));
  const tagTasks = seen.tasks.filter((t) => tagScripts.some((s) => s.start < t.start + t.duration && s.start + s.duration > t.start));
  return {
    cls: sum(counted.map((s) => s.value)),
    tagCls: sum(counted.filter((s) => s.sources.some((x) => x.tag)).map((s) => s.value)),
    shifts: counted,
    tagTasks: tagTasks.map((t) => t.duration),
    tagScriptMs: Math.max(0, ...tagScripts.map((s) => s.duration)),
    pageTasks: seen.tasks.map((t) => t.duration),
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** How the ad server behaves for a page: answers at once, answers after 2 s, or is unreachable. */
export type AdServer = 'fast' | 'slow' | 'down';
export const SLOW_ANSWER_MS = 2000;

/** One `POST /v1/ads` the tag sent: when (epoch ms), the ids of the slots it asked for, and whether the server has had its say. */
export interface AdRequestSeen {
  at: number;
  slots: string[];
  /** The answer was delivered, or the request refused or given up. */
  done: boolean;
}

/**
 * Make the page's ad server `mode` and record every ad request the tag sends. A slow answer is
 * the real one held back for 2 s; a down server refuses the connection.
 */
export async function adServer(page: Page, mode: AdServer): Promise<AdRequestSeen[]> {
  const seen: AdRequestSeen[] = [];
  await page.route(
    (url) => url.pathname.endsWith('/v1/ads'),
    async (route: Route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      const body = JSON.parse(request.postData() ?? '{}') as { slots?: { id: string }[] };
      const record: AdRequestSeen = { at: Date.now(), slots: (body.slots ?? []).map((s) => s.id), done: false };
      seen.push(record);
      try {
        if (mode === 'down') return await route.abort('connectionrefused');
        const response = await route.fetch();
        if (mode === 'slow') await delay(SLOW_ANSWER_MS);
        await route.fulfill({ response });
      } catch {
        // The page gave up on the request (or closed) before the answer: nothing to deliver.
      } finally {
        record.done = true;
      }
    },
  );
  return seen;
}

/** One task of the page's main thread: its wall time and its main-thread CPU time. */
export interface TaskTime {
  wallMs: number;
  cpuMs: number;
}

/**
 * The tasks of `page`'s main thread that ran the tag's code (`tagScript` in their script URL)
 * while `during` ran, from a Chromium trace. The CPU time is what a long task means on a
 * machine of its own: on a shared, loaded one a 5 ms task can take 500 ms of wall time while
 * the thread waits for a core, so the wall time is reported but the CPU time is the one to judge.
 */
export async function traceTagTasks(browser: Browser, page: Page, during: () => Promise<void>, tagScript = 'tagline.js'): Promise<TaskTime[]> {
  await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline'] });
  let trace: Buffer;
  try {
    await during();
  } finally {
    trace = await browser.stopTracing();
  }
  type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; args?: { data?: { url?: string } } };
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const thread = (e: TraceEvent): string => `${e.pid}:${e.tid}`;
  const tagCode = traceEvents.filter((e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && (e.args?.data?.url ?? '').includes(tagScript));
  // A task of the main thread's scheduler; the name depends on the trace categories and the version.
  const tasks = traceEvents.filter((e) => (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.ph === 'X' && e.dur !== undefined);
  const ran = new Set<TraceEvent>();
  for (const code of tagCode) {
    const around = tasks.filter((task) => thread(task) === thread(code) && code.ts >= task.ts && code.ts <= task.ts + task.dur!);
    if (around.length > 0) ran.add(around.reduce((a, b) => (b.dur! > a.dur! ? b : a)));
  }
  return [...ran].map((task) => ({ wallMs: task.dur! / 1000, cpuMs: (task.tdur ?? task.dur!) / 1000 }));
}

/**
 * Read the page the way a reader does: from the top to the bottom in steps of half a viewport,
 * pausing `pauseMs` at each, without input events (so every shift on the way counts).
 */
export async function readThrough(page: Page, pauseMs = 300): Promise<void> {
  for (;;) {
    const more = await page.evaluate<boolean>(`(() => {
      const before = scrollY;
      scrollBy(0, Math.round(innerHeight / 2));
      return scrollY > before;
    })()`);
    await delay(pauseMs);
    if (!more) return;
  }
}

/**
 * Scroll so that `selector`'s top is just below the viewport: near enough for the tag to ask for
 * it, not yet in view (and not passing through view on the way: the scroll is one jump).
 */
export async function scrollJustBelow(page: Page, selector: string): Promise<void> {
  await page.evaluate(`(() => {
    const top = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect().top + scrollY;
    scrollTo(0, Math.max(0, top - innerHeight - 10));
  })()`);
}
