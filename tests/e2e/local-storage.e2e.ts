import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { WorkshopBrowser, type WorkshopTab } from './driver-workshop.ts';

/**
 * The workshop's local document when the browser's storage goes away under it: site data cleared while the page is
 * open. Nothing may throw in the page (no uncaught error, no unhandled rejection), the records stay on screen, and
 * the panel says what is kept. (A full disk is not here: Chromium 156 still commits IndexedDB writes of 10 bytes to
 * 20 MB after DevTools' Storage.overrideQuotaForOrigin set the quota to 1 byte, so no write can be made to fail.)
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
});
