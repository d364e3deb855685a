import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ResilienceBrowser, type Visitor } from './driver-resilience.ts';
import { copyOfBuild, nextReleaseOf, VersionedSite } from './versioned-site.ts';

const ALL_RESOURCES = 111;
const MINXIONG_CENTRE = '嘉義縣日安社會福利服務中心（民雄）';
const DIST = fileURLToPath(new URL('../../dist', import.meta.url));

let browser: ResilienceBrowser;
let opened: Visitor[] = [];
/** Errors each journey expects (a chunk it made fail); anything else in the page fails the journey. */
let expectedErrors: RegExp | null = null;

beforeAll(async () => {
  browser = await ResilienceBrowser.start();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  const visitors = opened;
  opened = [];
  const errors = visitors.flatMap((v) => v.pageErrors()).filter((e) => !expectedErrors?.test(e));
  expectedErrors = null;
  await Promise.all(visitors.map((v) => v.close()));
  expect(errors, 'uncaught errors or console errors in the page').toEqual([]);
});

async function open(url: string, options: Parameters<ResilienceBrowser['open']>[1] = {}): Promise<Visitor> {
  const visitor = await browser.open(url, options);
  opened.push(visitor);
  return visitor;
}

describe('a part whose code cannot be loaded', () => {
  it('the export dialog: says so in its place, the list, filters and map keep working, and it loads once the network is back', async () => {
    const person = await open(inject('appUrl'));
    expectedErrors = /export-dialog|dynamically imported module/;
    await person.failChunk('export-dialog');
    await person.openExport();

    await expect
      .poll(() => person.failedPart())
      .toEqual({
        message: '請重新整理以取得新版本',
        buttons: ['關閉', '再試一次', '重新整理'],
        dialog: '這個部分無法載入',
      });
    // Nothing else went: the rest of the app is there and answers.
    await person.press('關閉');
    expect(await person.failedPart()).toBeNull();
    await person.app.search('民雄');
    await expect.poll(() => person.app.visibleListNames()).toContain(MINXIONG_CENTRE);
    expect(await person.app.resultCount()).toBeLessThan(ALL_RESOURCES);
    expect(await person.mapMarkerTotal()).toBe(await person.app.resultCount());

    await person.openExport();
    await expect.poll(() => person.failedPart()).not.toBeNull();
    expect(await person.app.accessibilityViolations()).toEqual([]);
    await person.app.screenshot('resilience-export-chunk-failed');

    // The network is back: "try again" loads the dialog where it failed.
    await person.restoreChunk('export-dialog');
    await person.press('再試一次');
    await expect.poll(() => person.openDialogs()).toEqual([expect.stringMatching(/^匯出目前的清單/)]);
    expect(await person.failedPart()).toBeNull();
  });

  it('the export dialog: "reload" brings a page whose export opens', async () => {
    const person = await open(inject('appUrl'));
    expectedErrors = /export-dialog|dynamically imported module/;
    await person.failChunk('export-dialog');
    await person.openExport();
    await expect.poll(() => person.failedPart()).not.toBeNull();
    await person.restoreChunk('export-dialog');
    await person.pressAndWaitForReload('重新整理');
    expect(await person.app.resultCount()).toBe(ALL_RESOURCES);
    await person.openExport();
    await expect.poll(() => person.openDialogs()).toEqual([expect.stringMatching(/^匯出目前的清單/)]);
  });

  it('the analysis panel: its place says so, the search still counts, and "try again" opens the panel', async () => {
    const person = await open(inject('appUrl'));
    expectedErrors = /analysis-panel|dynamically imported module/;
    await person.failChunk('analysis-panel');
    await person.openAnalysis();
    await expect
      .poll(() => person.failedPart())
      .toEqual({
        message: '這個部分無法載入請重新整理以取得新版本',
        buttons: ['再試一次', '重新整理'],
        dialog: null,
      });
    await person.app.search('民雄');
    await expect.poll(() => person.app.resultCount()).toBeLessThan(ALL_RESOURCES);
    expect(await person.app.accessibilityViolations()).toEqual([]);
    await person.app.screenshot('resilience-analysis-chunk-failed');

    await person.restoreChunk('analysis-panel');
    await person.press('再試一次');
    await expect.poll(() => person.visibleHeadings()).toContain('資源盤點與涵蓋分析');
    expect(await person.failedPart()).toBeNull();
  });

  it('the map: the list and filters work without it, and "try again" draws it', async () => {
    const person = await open(inject('appUrl'), { failingChunks: ['map-area'] });
    expectedErrors = /map-area|dynamically imported module/;
    await expect.poll(() => person.failedPart()).not.toBeNull();
    await person.app.search('民雄');
    await expect.poll(() => person.app.visibleListNames()).toContain(MINXIONG_CENTRE);
    expect(await person.app.accessibilityViolations()).toEqual([]);
    await person.app.screenshot('resilience-map-chunk-failed');
    await person.restoreChunk('map-area');
    await person.press('再試一次');
    await expect.poll(() => person.mapMarkerTotal()).toBe(await person.app.resultCount());
  });
});

describe('a new version published while tabs are open (service worker)', () => {
  let site: VersionedSite;
  const folders: string[] = [];

  beforeAll(async () => {
    const first = copyOfBuild(DIST);
    folders.push(first);
    site = await VersionedSite.start(first);
  });
  afterAll(async () => {
    await site?.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('open tabs keep the old version’s chunks, are told politely, and "reload" brings the new version', async () => {
    const first = await open(site.url, { serviceWorkers: true });
    const firstScript = await first.mainScript();
    const oldExport = site.assetNamed('export-dialog');

    const next = nextReleaseOf(folders[0] ?? '');
    folders.push(next);
    site.publish(next);
    expect(site.has(oldExport)).toBe(false);

    // Another tab opens: the worker serves it the version it holds, and finds the new one on the server.
    const second = await first.openAnotherTab();
    expect(await second.mainScript()).toBe(firstScript);
    await expect
      .poll(() => first.newVersionNotice(), { timeout: 20_000 })
      .toBe('有新版本可用：重新整理即可更新。重新整理');
    await expect.poll(() => second.newVersionNotice()).not.toBe('');
    expect(await first.app.accessibilityViolations()).toEqual([]);
    await first.app.screenshot('resilience-new-version-banner');

    // The old version's export dialog is no longer on the server; the worker still has it.
    await first.openExport();
    await expect.poll(() => first.openDialogs()).toEqual([expect.stringMatching(/^匯出目前的清單/)]);
    expect(await first.failedPart()).toBeNull();
    await first.app.screenshot('resilience-old-export-after-deploy');
    await first.press('關閉');

    await second.closeTab();
    await first.pressAndWaitForReload('重新整理');
    expect(await first.mainScript()).not.toBe(firstScript);
    expect(await first.newVersionNotice()).toBe('');
    await first.openExport();
    await expect.poll(() => first.openDialogs()).toEqual([expect.stringMatching(/^匯出目前的清單/)]);
  });
});
