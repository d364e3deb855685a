import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSyncServer, type SyncServer } from '../../src/server/sync-server.ts';
import { buildPublishedSite, SharedMapBrowser, type SharedMapTab } from './driver-shared-map.ts';

/**
 * The shared map between real browsers and the real sync server: the server (src/server's own factory) is
 * started here on 127.0.0.1 with a temporary store, serving the built app beside its WebSocket and API, as
 * `npm start` does. Each device is a browser context of its own.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const dist = mkdtempSync(join(tmpdir(), 'crm-e2e-shared-dist-'));
const storeDir = mkdtempSync(join(tmpdir(), 'crm-e2e-shared-store-'));
let server: SyncServer;
let browser: SharedMapBrowser;
const events: Record<string, unknown>[] = [];
const links: Record<string, string> = {};
let tabs: SharedMapTab[] = [];

const linkFor = (invitation: { document: string; token: string }) =>
  `${server.httpUrl}#shared=${encodeURIComponent(invitation.document)}&token=${invitation.token}`;

beforeAll(async () => {
  cpSync(join(repoRoot, 'dist'), dist, { recursive: true });
  server = createSyncServer({
    host: '127.0.0.1',
    port: 0,
    storeDir,
    staticDir: dist,
    dataDir: join(repoRoot, 'data'),
    log: (event) => events.push(event),
  });
  await server.listen();
  links.office = linkFor(server.admin.createMap('chiayi', '嘉義縣政府社會處'));
  links.a = linkFor(
    server.admin.invite('chiayi', { role: 'member', id: 'assoc-a', name: '甲協會', kind: 'association' }),
  );
  links.b = linkFor(
    server.admin.invite('chiayi', { role: 'member', id: 'assoc-b', name: '乙協會', kind: 'association' }),
  );
  browser = await SharedMapBrowser.start();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dist, { recursive: true, force: true });
  rmSync(storeDir, { recursive: true, force: true });
});

afterEach(async () => {
  const open = tabs;
  tabs = [];
  const errors = open.flatMap((tab) => tab.app.pageErrors());
  await Promise.all(open.map((tab) => tab.close().catch(() => undefined)));
  expect(errors, 'uncaught errors or console errors in the page').toEqual([]);
});

async function open(link: string, viewport?: { width: number; height: number }): Promise<SharedMapTab> {
  const tab = await browser.openLink(link, viewport);
  tabs.push(tab);
  return tab;
}

describe('two organisations on one shared map', () => {
  it("a change made on one device shows on the other within 1 s; a member cannot change another member's record", async () => {
    const a = await open(links.a as string);
    const b = await open(links.b as string);
    expect(await a.speaksFor()).toContain('甲協會');
    expect(a.currentUrl(), 'the token leaves the address bar').not.toContain('token=');

    await a.addRecord({ name: '甲協會關懷據點', address: '嘉義縣民雄鄉中樂村', phone: '05-2261234' });
    await b.app.search('甲協會關懷據點');
    await b.waitForListed('甲協會關懷據點');

    await a.openRecord('甲協會關懷據點');
    expect(await a.ownerHint()).toBe('由「甲協會」維護');
    await a.openEditForm();
    expect(await a.app.accessibilityViolations(), 'the shared edit dialog').toEqual([]);
    await a.cancelForm();
    const saved = await a.editRecord({ name: '甲協會關懷據點（週三共餐）' });
    const ms = await b.waitForListed('甲協會關懷據點（週三共餐）', 1000, saved);
    console.log(`Save pressed on one device → listed on the other: ${ms} ms`);
    expect(ms).toBeLessThan(1000);

    await b.openRecord('甲協會關懷據點（週三共餐）');
    expect(await b.ownerHint()).toBe('唯讀 由「甲協會」維護');
    // Another member's record: the edit is not offered, and the page says why (the server refuses such a write
    // too: tests/server/roles.test.ts sends one past the UI).
    expect(await b.editOffered()).toEqual({
      enabled: false,
      why: '不能修改：這筆由「甲協會」維護，你的連結只能檢視。需要更正請聯絡他們。',
    });
    expect(await b.app.accessibilityViolations(), 'a read-only shared record').toEqual([]);
    await b.app.screenshot('shared-map-read-only');
  });

  it('offline: edits made without a network are kept and merge with the others on reconnect, nothing lost', async () => {
    const a = await open(links.a as string);
    const office = await open(links.office as string);
    await a.app.search('甲協會');
    await a.waitForListed('甲協會關懷據點（週三共餐）');
    await office.app.search('甲協會');
    await office.waitForListed('甲協會關懷據點（週三共餐）');

    await a.setOffline(true);
    await expect.poll(() => a.connection()).toContain('離線中');
    await a.openRecord('甲協會關懷據點（週三共餐）');
    await a.editRecord({ name: '甲協會關懷據點（離線修改）' });
    await a.addRecord({ name: '甲協會新據點（離線新增）', address: '嘉義縣民雄鄉東榮村' });
    expect(await a.connection()).toMatch(/\d+ 項修改等待上傳/);
    // Meanwhile the office changes another field of the same record.
    await office.openRecord('甲協會關懷據點（週三共餐）');
    await office.editRecord({ phone: '05-2269999' });
    await office.page.waitForTimeout(500);
    expect(await office.isListed('甲協會關懷據點（離線修改）')).toBe(false);

    await a.setOffline(false);
    await a.waitOnline();
    await a.waitAllSaved();
    await office.app.search('甲協會');
    await office.waitForListed('甲協會關懷據點（離線修改）');
    await office.waitForListed('甲協會新據點（離線新增）');
    // Both changes to the one record survive, on both devices.
    await office.openRecord('甲協會關懷據點（離線修改）');
    await a.openRecord('甲協會關懷據點（離線修改）');
    expect((await office.app.detail())?.phoneLinks).toContain('tel:052269999');
    await expect.poll(async () => (await a.app.detail())?.phoneLinks).toContain('tel:052269999');

    // The history keeps both concurrent changes, with who made them; an older version can be put back.
    const history = await a.history();
    expect(history).toEqual(
      expect.arrayContaining([
        expect.stringContaining(' · 甲協會 · 甲協會關懷據點（離線修改）'),
        expect.stringContaining(' · 嘉義縣政府社會處 · 甲協會關懷據點（週三共餐）'),
      ]),
    );
    expect(await a.app.accessibilityViolations(), 'the change history').toEqual([]);
    await a.restoreVersion('甲協會關懷據點（週三共餐）');
    await office.app.search('甲協會關懷據點（週三共餐）');
    await office.waitForListed('甲協會關懷據點（週三共餐）');
  });
});

describe('a browser that refuses sites’ data', () => {
  it('a member’s link still goes online and its edit reaches another device; the panel says nothing is kept on this device', async () => {
    const link = linkFor(
      server.admin.invite('chiayi', { role: 'member', id: 'assoc-e', name: '戊協會', kind: 'association' }),
    );
    const refusing = await browser.openLinkRefusingSiteData(link);
    tabs.push(refusing);
    const other = await open(links.b as string);
    expect(await refusing.speaksFor()).toContain('戊協會');
    await refusing.waitNotKept();

    await refusing.addRecord({ name: '戊協會關懷據點（不存資料的瀏覽器）', address: '嘉義縣民雄鄉中樂村' });
    await other.app.search('戊協會關懷據點');
    await other.waitForListed('戊協會關懷據點（不存資料的瀏覽器）');
    // Its change reached the server (nothing waits on this device), and the sentence still stands.
    await refusing.waitAllSaved();
    expect(await refusing.connection()).toContain('這個瀏覽器不允許儲存資料');

    expect(
      await refusing.app.accessibilityViolations(),
      'the panel in a browser refusing sites’ data',
    ).toEqual([]);
    await refusing.app.screenshot('shared-map-refusing-site-data');
    // The page's and the shared-map worker's uncaught errors and unhandled rejections (Playwright reports a
    // dedicated worker's as the page's) are checked by afterEach.
  });
});

describe('undo', () => {
  it("Ctrl+Z takes back one's own last change and keeps the office's later change of the same record", async () => {
    const a = await open(links.a as string);
    const office = await open(links.office as string);
    await a.addRecord({ name: '甲協會復原測試點', address: '嘉義縣民雄鄉' });
    await a.openRecord('甲協會復原測試點');
    await a.editRecord({ name: '甲協會復原測試點（改名）' });
    await office.openRecord('甲協會復原測試點（改名）');
    await office.editRecord({ phone: '05-2260000' });
    await a.app.search('甲協會復原測試點');
    await a.openRecord('甲協會復原測試點（改名）');
    await expect.poll(async () => (await a.app.detail())?.phoneLinks).toContain('tel:052260000');
    await a.undoByKeyboard();
    await a.app.search('甲協會復原測試點');
    await a.waitForListed('甲協會復原測試點');
    await expect.poll(() => a.isListed('（改名）')).toBe(false);
    await office.app.search('甲協會復原測試點');
    await office.waitForListed('甲協會復原測試點');
    await expect.poll(() => office.isListed('（改名）')).toBe(false);
    await office.openRecord('甲協會復原測試點');
    expect((await office.app.detail())?.phoneLinks).toContain('tel:052260000');
    expect(await a.app.accessibilityViolations(), 'the panel with undo and redo').toEqual([]);
  });
});

describe('the county office', () => {
  it('puts today’s records in, invites an organisation by link and QR code, publishes, and revokes the link', async () => {
    const office = await open(links.office as string);
    expect(await office.speaksFor()).toContain('嘉義縣政府社會處');
    const before = await office.app.resultCount();
    // A record added before the upload: the default data stays on show, and the upload is still offered.
    await office.addRecord({ name: '縣府先加的關懷據點', address: '嘉義縣民雄鄉' });
    await office.app.search('');
    await expect.poll(() => office.app.resultCount()).toBe(before + 1);
    await office.uploadRecordsOnShow();
    // The county document now holds the default data under the same ids: it replaces it, nothing is doubled.
    await expect.poll(() => server.store.loadDocument('county/chiayi')?.length ?? 0).toBeGreaterThan(10_000);
    expect(await office.app.resultCount()).toBe(before + 1);
    expect(await office.uploadOffered()).toBe(false);

    const link = await office.invite('丙協會');
    expect(link).toMatch(/#shared=org%2Forg-[0-9a-f]{8}&token=[A-Za-z0-9_-]{43}$/);
    expect(await office.invitationQr('丙協會')).toBe(link);
    expect(await office.app.accessibilityViolations(), 'the invitation QR dialog').toEqual([]);
    await office.app.screenshot('shared-map-invitation');
    await office.closeDialog();

    const c = await open(link);
    expect(await c.speaksFor()).toContain('丙協會');
    await c.addRecord({ name: '丙協會共餐站', address: '嘉義縣民雄鄉' });
    await office.app.search('丙協會共餐站');
    await office.waitForListed('丙協會共餐站');

    expect(await office.publish()).toMatch(/^已發布第 1 版/);
    const published = await fetch(new URL('published/chiayi.csv', server.httpUrl));
    expect(await published.text()).toContain('丙協會共餐站');

    // The documents and their connection are in the page's shared-map worker, which ends with the revoked link.
    expect(c.sharedMapWorkerRunning()).toBe(true);
    const started = Date.now();
    await office.revoke('丙協會');
    expect(await c.alertText(5000)).toContain('這個連結已被撤銷');
    expect(Date.now() - started).toBeLessThan(5000);
    // The revoked link's copies on that device, and the link with its token, are gone.
    expect(await c.alertText()).toContain('這台裝置上的共享地圖副本和連結都已刪除');
    await expect.poll(() => c.localSharedCopies()).toEqual([]);
    expect(await c.savedLink()).toBeNull();
    await expect.poll(() => c.sharedMapWorkerRunning()).toBe(false);
  });

  it('a workshop: a table joins by the QR code on a phone, its proposal shows on the projector within 1 s, approved it joins the county document', async () => {
    const projector = await open(links.office as string);
    const link = await projector.openWorkshop('民雄共餐工作坊');
    const scanned = await projector.invitationQr('民雄共餐工作坊');
    expect(scanned).toBe(link);
    await projector.closeDialog();

    const phone = await open(scanned as string, { width: 390, height: 844 });
    expect(await phone.speaksFor()).toContain('民雄共餐工作坊');
    await phone.setTable('第一桌');
    const saved = await phone.propose({ name: '阿美早餐店', address: '嘉義縣民雄鄉', phone: '05-2201234' });
    const ms = await projector.waitForTableCount('第一桌：1 筆', 1000, saved);
    console.log(`proposal saved on a phone → counted on the projector: ${ms} ms`);
    expect(await phone.app.accessibilityViolations(), 'the participant on a phone').toEqual([]);
    await phone.app.screenshot('shared-map-workshop-phone');
    const second = await open(scanned as string, { width: 390, height: 844 });
    await second.setTable('第二桌');
    await second.propose({ name: '民雄社區共餐點', address: '嘉義縣民雄鄉' });
    await projector.waitForTableCount('第二桌：1 筆');
    expect(await projector.tableColour('第一桌')).not.toBe(await projector.tableColour('第二桌'));
    await projector.app.screenshot('shared-map-workshop-projector');

    await projector.approve('阿美早餐店');
    const countyNames = () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, server.store.loadDocument('county/chiayi') ?? new Uint8Array([0, 0]));
      return [...doc.getMap('records').values()].map((r) => (r instanceof Y.Map ? r.get('name') : null));
    };
    await expect.poll(countyNames).toContain('阿美早餐店');
    expect(countyNames()).not.toContain('民雄社區共餐點');
    await projector.openRecord('阿美早餐店');
    expect(await projector.ownerHint()).toBe('由「嘉義縣政府社會處」維護');
  });
  it('publish: a fresh public context on the site built from the published snapshot shows the published records and no draft', async () => {
    const office = await open(links.office as string);
    const a = await open(links.a as string);
    await a.addRecord({ name: '甲協會發布前據點', address: '嘉義縣民雄鄉中樂村', phone: '05-2261111' });
    await office.app.search('甲協會發布前據點');
    await office.waitForListed('甲協會發布前據點');
    // A workshop proposal still pending review (民雄社區共餐點, from the workshop journey) is a draft.
    await office.app.search('民雄社區共餐點');
    await office.waitForListed('民雄社區共餐點');
    const published = await office.publish();
    expect(published).toMatch(/^已發布第 \d+ 版/);
    await office.app.screenshot('shared-map-published');
    // After publishing, a member's new record is a draft until the next version.
    await a.addRecord({ name: '甲協會發布後草稿', address: '嘉義縣民雄鄉東榮村' });
    await a.waitAllSaved();

    const csv = await (await fetch(new URL('published/chiayi.csv', server.httpUrl))).text();
    const site = await buildPublishedSite(csv, 'chiayi');
    try {
      const resident = await browser.openPublic(site.url);
      try {
        // The residents' page has no link and no shared map: it never reaches the sync server.
        expect(await resident.mainHeadings()).toHaveLength(1);
        for (const name of ['甲協會發布前據點', '阿美早餐店', '丙協會共餐站']) {
          await resident.search(name);
          expect(await resident.visibleListNames(), name).toContain(name);
        }
        await resident.search('甲協會發布前據點');
        await resident.clickListItem('甲協會發布前據點');
        expect((await resident.detail())?.phoneLinks).toContain('tel:052261111');
        await resident.screenshot('shared-map-published-resident');
        for (const draft of ['民雄社區共餐點', '甲協會發布後草稿']) {
          await resident.search(draft);
          expect(await resident.listSize(), draft).toBe(0);
        }
        expect(await resident.accessibilityViolations(), 'the published site').toEqual([]);
        expect(
          resident.outsideRequests().filter((url) => url.startsWith(server.httpUrl)),
          'requests to the sync server',
        ).toEqual([]);
        expect(resident.pageErrors()).toEqual([]);
      } finally {
        await resident.close();
      }
    } finally {
      await site.close();
    }
  }, 120_000);
});

describe('accessibility of the shared map, in zh-TW and in Vietnamese', () => {
  it("the office's tools with a workshop's tables and the map's legend, the invitation QR dialog, a participant's phone, a read-only record and a revoked link pass axe-core", async () => {
    const office = await open(links.office as string);
    await office.addRecord({ name: '縣府無障礙檢查據點', address: '嘉義縣民雄鄉中樂村' });
    const memberLink = await office.invite('丁協會');
    const workshopLink = await office.openWorkshop('無障礙檢查工作坊');
    const phone = await open(workshopLink, { width: 390, height: 844 });
    await phone.setTable('第三桌');
    await phone.propose({ name: '第三桌提案', address: '嘉義縣民雄鄉' });
    const second = await open(workshopLink, { width: 390, height: 844 });
    await second.setTable('第四桌');
    await second.propose({ name: '第四桌提案', address: '嘉義縣民雄鄉' });
    await office.waitForTableCount('第四桌：1 筆');
    const member = await open(memberLink);
    await member.openRecord('縣府無障礙檢查據點');
    expect(await member.editOffered()).toMatchObject({ enabled: false });

    for (const language of ['zh-TW', 'vi'] as const) {
      for (const tab of [office, phone, member]) await tab.chooseLanguage(language);
      expect(await office.app.accessibilityViolations(), `${language}: office tools, tables, legend`).toEqual(
        [],
      );
      await office.app.screenshot(`shared-map-office-${language}`);
      await office.showInvitationQr('丁協會');
      expect(await office.app.accessibilityViolations(), `${language}: invitation QR dialog`).toEqual([]);
      await office.app.screenshot(`shared-map-qr-${language}`);
      await office.closeDialog();
      expect(await phone.app.accessibilityViolations(), `${language}: participant's phone`).toEqual([]);
      await phone.app.screenshot(`shared-map-participant-${language}`);
      expect(await member.app.accessibilityViolations(), `${language}: read-only record`).toEqual([]);
      await member.app.screenshot(`shared-map-read-only-${language}`);
    }

    await office.revoke('丁協會');
    expect(await member.alertText(5000)).toContain('Liên kết này đã bị thu hồi');
    for (const language of ['vi', 'zh-TW'] as const) {
      await member.chooseLanguage(language);
      expect(await member.app.accessibilityViolations(), `${language}: revoked link`).toEqual([]);
      await member.revealAlert();
      await member.app.screenshot(`shared-map-revoked-${language}`);
    }
    expect(await member.alertText()).toContain('這個連結已被撤銷');
  });
});
