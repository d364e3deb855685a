import type { Page } from 'playwright-core';
import { now, probe, tasksSince } from './browser-session.ts';

/** Typed one at a time into the search box: a town name, deleted, then 台北 (台 is searched as 臺). */
export const SEARCH_KEYS = [
  '民',
  '雄',
  '鄉',
  'Backspace',
  'Backspace',
  'Backspace',
  '台',
  '北',
  'Backspace',
  'Backspace',
];
/**
 * Typed after SEARCH_KEYS, read by the search engine (loaded when the box was first clicked): an English place
 * name letter by letter, a one-character typo (民熊: nothing as typed, so the corrected 民雄 is searched), and a
 * phone number written with a dash.
 */
export const UNDERSTOOD_KEYS = [
  ...['M', 'i', 'n', 'x', 'i', 'o', 'n', 'g'],
  ...Array<string>(8).fill('Backspace'),
  ...['民', '熊'],
  ...Array<string>(2).fill('Backspace'),
  ...['0', '5', '-', '2', '2', '0'],
  ...Array<string>(6).fill('Backspace'),
];
/** Keyboard zoom (Equal/Minus) and pans on the focused map, and clicks on the biggest cluster. */
export const ZOOM_PAN_STEPS = [
  ...['Equal', 'Equal', 'Minus', 'Minus'],
  ...['cluster', 'cluster', 'cluster'],
  ...['ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowDown', 'ArrowRight'],
  ...['Equal', 'Minus', 'Minus', 'Minus'],
];
const DRAWS = "performance.getEntriesByName('crm:cluster-draw')";

/** Runs an action and waits for the redraw it causes; false when no redraw was recorded. */
async function withRedraw(page: Page, action: () => Promise<void>): Promise<boolean> {
  const before = await page.evaluate<number>(`${DRAWS}.length`);
  await action();
  try {
    await page.waitForFunction(`${DRAWS}.length > ${before}`, undefined, { timeout: 3000, polling: 50 });
  } catch {
    return false;
  }
  await page.waitForTimeout(150);
  return true;
}

/** Clicks the biggest cluster fully inside the map: the app zooms to where it breaks apart. */
async function clickBiggestCluster(page: Page) {
  const target = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const map = document.querySelector('.leaflet-container').getBoundingClientRect();
    let best = null;
    for (const el of document.querySelectorAll('.cluster-marker')) {
      const r = el.getBoundingClientRect();
      if (r.left < map.left + 40 || r.right > map.right - 40 || r.top < map.top + 40 || r.bottom > map.bottom - 40) continue;
      const text = el.textContent || '';
      const n = text.endsWith('k') ? Number.parseFloat(text) * 1000 : Number(text);
      if (!best || n > best.n) best = { n, x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return best && { x: best.x, y: best.y };
  })()`);
  if (target) await page.mouse.click(target.x, target.y);
}

/** Zoom and pan moves; returns each redraw's duration (crm:cluster-draw) and the long tasks meanwhile. */
export async function zoomAndPan(page: Page) {
  await page.evaluate("performance.clearMeasures('crm:cluster-draw')");
  const start = await now(page);
  let maxMarkers = 0;
  let redraws = 0;
  for (const step of ZOOM_PAN_STEPS) {
    const drew = await withRedraw(page, async () => {
      if (step === 'cluster') return clickBiggestCluster(page);
      await page.focus('.leaflet-container');
      await page.keyboard.press(step);
    });
    if (drew) redraws++;
    else if (redraws === 0) break; // this build records no crm:cluster-draw measures
    maxMarkers = Math.max(
      maxMarkers,
      await page.evaluate<number>("document.querySelectorAll('.leaflet-marker-icon').length"),
    );
  }
  const draws = await page.evaluate<number[]>(`${DRAWS}.map((e) => e.duration)`);
  return { draws, maxMarkers, tasks: tasksSince(await probe(page), start) };
}

/** Types the keys; each keystroke waits for its frame, then 200 ms, so keystrokes do not queue. */
export async function typeSearch(page: Page, keys: readonly string[] = SEARCH_KEYS) {
  await page.getByRole('searchbox', { name: '搜尋名稱、地址或服務' }).click();
  await page.waitForTimeout(300);
  const start = await now(page);
  const first = (await probe(page)).keystrokes.length;
  for (const key of keys) {
    const before = (await probe(page)).keystrokes.length;
    if (key.length === 1) await page.keyboard.insertText(key);
    else await page.keyboard.press(key);
    await page.waitForFunction(
      `window.__bench.keystrokes.length > ${before} && window.__bench.keystrokes[${before}].frame !== null`,
      undefined,
      { timeout: 30_000, polling: 20 },
    );
    await page.waitForTimeout(200);
  }
  const p = await probe(page);
  return { keystrokes: p.keystrokes.slice(first), tasks: tasksSince(p, start) };
}

/**
 * One record changed through the page as an office does it: the first result corrected (renamed, so it moves in
 * the list), then the correction undone, a few times. For each change: the time from the click to the frame
 * that shows it, and the long tasks meanwhile.
 */
export async function editOneRecord(page: Page, times = 3) {
  const changes: number[] = [];
  await page.evaluate("performance.clearMeasures('crm:dataset-update')");
  const start = await now(page);
  // A click's time (its event's timeStamp) and the end of the first frame after it, recorded in the page.
  const clickToFrame = async (click: () => Promise<void>, shown: () => Promise<unknown>) => {
    await page.evaluate(`(() => {
      window.__change = { start: null, frame: null };
      document.addEventListener('click', (event) => {
        window.__change.start = event.timeStamp;
      }, { capture: true, once: true });
    })()`);
    await click();
    await shown();
    await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__change.frame = performance.now(); resolve(); };
      channel.port2.postMessage(0);
    }))`);
    changes.push(await page.evaluate<number>('window.__change.frame - window.__change.start'));
  };
  // Corrections belong to the office workspace, which office staff enter on purpose.
  const workspace = page.getByRole('button', { name: '公所工作區' });
  if ((await workspace.getAttribute('aria-pressed')) !== 'true') await workspace.click();
  for (let i = 0; i < times; i++) {
    await page.locator('.result-item').first().click();
    await page.getByRole('button', { name: '修正資料' }).first().click();
    const name = page.getByLabel('名稱', { exact: true });
    const renamed = `一${await name.inputValue()}${i}`;
    await name.fill(renamed);
    await page.waitForTimeout(300);
    await clickToFrame(
      () => page.getByRole('button', { name: '儲存修正' }).click(),
      () => page.locator('.result-item__name', { hasText: renamed }).first().waitFor({ timeout: 10_000 }),
    );
    await page.waitForTimeout(300);
    await clickToFrame(
      () => page.getByRole('button', { name: '復原' }).click(),
      () =>
        page
          .locator('.result-item__name', { hasText: renamed })
          .waitFor({ state: 'detached', timeout: 10_000 }),
    );
    await page.waitForTimeout(300);
  }
  const updates = await page.evaluate<number[]>(
    "performance.getEntriesByName('crm:dataset-update').map((e) => e.duration)",
  );
  return { changes, updates, tasks: tasksSince(await probe(page), start) };
}
