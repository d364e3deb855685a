import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { WorkshopBrowser, type WorkshopTab } from './driver-workshop.ts';

/**
 * The workshop's local document when the browser's storage fails under it: a browser that refuses sites' data, a
 * full disk, and site data cleared while the page is open. Nothing may throw in the page (no uncaught error, no
 * unhandled rejection), the records stay on screen, and the panel says what is kept.
 */
const ALL_RESOURCES = 111;
const AT_MINXIONG = '?at=23.55600,120.44000,13';

let browser: WorkshopBrowser;
let tabs: WorkshopTab[] = [];

beforeAll(async () => {
  browser = await WorkshopBrowser.start(inject('appUrl'));
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  const open = tabs;
  tabs = [];
  await Promise.all(open.map((tab) => tab.closeProfile().catch(() => undefined)));
});

async function coMapping(): Promise<WorkshopTab> {
  const tab = await browser.open({ search: AT_MINXIONG });
  tabs.push(tab);
  await tab.startCoMapping();
  await tab.waitUntilSaved();
  return tab;
}

describe('the workshop’s storage failing under the open page', () => {
  it('a browser that refuses sites’ data: the panel says not saved, new records stay on screen, nothing throws', async () => {
    const tab = await browser.openRefusingSiteData({ search: AT_MINXIONG });
    tabs.push(tab);
    await tab.startCoMapping();
    await tab.waitUntilNotSaved();
    await tab.addResourceByClicking({ name: '存不進瀏覽器', category: '友善商店' }, -60, 0);
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES + 1);
    expect(await tab.workshopChanges()).toEqual(['新增 存不進瀏覽器']);
    // The change is not claimed saved: the panel still says so, not "saving…" for ever.
    await tab.waitUntilNotSaved();
    await tab.undo();
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES);
    await tab.redo();
    expect(await tab.workshopChanges()).toEqual(['新增 存不進瀏覽器']);
    await tab.waitUntilNotSaved();
    expect(await tab.app.accessibilityViolations()).toEqual([]);
    await tab.screenshot('local-storage-refused');
    expect(tab.app.pageErrors()).toEqual([]);
  });

  it('a full disk: the new records stay on screen, the panel says they are not saved, and nothing throws', async () => {
    const tab = await browser.openWithStorageLimit(1, { search: AT_MINXIONG });
    tabs.push(tab);
    await tab.startCoMapping();
    await tab.waitUntilNotSaved();
    await tab.addResourceByClicking({ name: '滿了之後', category: '友善商店' }, -60, 0);
    await tab.waitUntilNotSaved();
    await tab.addResourceByClicking({ name: '還是滿的', category: '友善商店' }, 60, 0);
    await tab.waitUntilNotSaved();
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES + 2);
    expect(await tab.workshopChanges()).toEqual(['新增 滿了之後', '新增 還是滿的']);
    await tab.screenshot('local-storage-quota-failed');
    expect(tab.app.pageErrors()).toEqual([]);
  });

  it('site data cleared: a further change does not throw, stays on screen, and the workshop is stored anew', async () => {
    const tab = await coMapping();
    await tab.addResourceByClicking({ name: '清除之前', category: '友善商店' }, -60, 0);
    await tab.waitUntilSaved();
    await tab.clearSiteData();
    await tab.waitUntilNotSaved();
    await tab.addResourceByClicking({ name: '清除之後', category: '友善商店' }, 60, 0);
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES + 2);
    expect(await tab.workshopChanges()).toEqual(['新增 清除之前', '新增 清除之後']);
    // The change opened the database anew and stored the whole workshop there.
    await tab.waitUntilSaved();
    expect(tab.app.pageErrors()).toEqual([]);
    await tab.reload();
    expect(await tab.app.resultCount()).toBe(ALL_RESOURCES + 2);
    // Clearing took the tab's session (localStorage) too: co-mapping is turned on again to see the panel.
    await tab.startCoMapping();
    expect(await tab.workshopChanges()).toEqual(['新增 清除之前', '新增 清除之後']);
    expect(tab.app.pageErrors()).toEqual([]);
  });

  it('site data cleared, then the page hidden and shown again: the workshop is stored anew with no change made, and a later change is kept', async () => {
    const tab = await coMapping();
    await tab.addResourceByClicking({ name: '清除之前', category: '友善商店' }, -60, 0);
    await tab.waitUntilSaved();
    expect(await tab.storedWorkshopNames()).toEqual(['清除之前']);
    await tab.clearSiteData();
    await tab.waitUntilNotSaved();
    expect(await tab.storedWorkshopNames()).toEqual([]);
    // Back from another tab: the page opens the database anew and stores the whole workshop, unasked.
    await tab.hideAndShow();
    await tab.waitUntilSaved();
    expect(await tab.storedWorkshopNames()).toEqual(['清除之前']);
    await tab.addResourceByClicking({ name: '回來之後', category: '友善商店' }, 60, 0);
    await tab.waitUntilSaved();
    expect(await tab.storedWorkshopNames()).toEqual(['回來之後', '清除之前']);
    expect(await tab.workshopChanges()).toEqual(['新增 清除之前', '新增 回來之後']);
    await tab.screenshot('local-storage-cleared-shown-again');
    expect(tab.app.pageErrors()).toEqual([]);
  });
});
