import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LocalDocumentBrowser } from './driver-local-document.ts';

/**
 * What the corrections document and the workshop rely on, in real Chromium: storage problems are told, never
 * thrown; a database that cannot be opened ends the load (the document works in memory); a deleted database is
 * stored anew by `reopen`; the revision is kept beside the updates; many updates are compacted into one and load
 * back whole.
 */
const DOC = 'local/probe';

let browser: LocalDocumentBrowser;
beforeAll(async () => {
  browser = await LocalDocumentBrowser.start();
});
afterAll(async () => {
  await browser?.close();
});

describe('a local document in IndexedDB', () => {
  it('a full disk: a change does not throw, the failed write is told, nothing reads back as stored', async () => {
    const page = await browser.page(inject('appUrl'), 1);
    await page.open(DOC);
    expect(await page.change(DOC, 'full-')).toBe('ok');
    await expect.poll(() => page.problems(DOC)).toContain('write-failed');
    expect(await page.confirmStored(DOC)).toEqual({ ok: true, value: false });
    expect(await page.writeRevision(DOC, 7)).toMatchObject({ ok: false });
    expect(await page.keys(DOC)).toEqual(['full-0']);
    expect(page.pageErrors()).toEqual([]);
    await page.close();
  });

  it('a browser that refuses sites’ data: the load ends, "unavailable" is told, changes work in memory, nothing throws', async () => {
    const page = await browser.pageRefusingSiteData(inject('appUrl'));
    expect(await page.open(DOC)).toEqual({
      ok: false,
      value: expect.stringMatching(/could not be opened.*denied permission/),
    });
    expect(await page.problems(DOC)).toEqual(['unavailable']);
    expect(await page.change(DOC, 'kept-', 2)).toBe('ok');
    expect(await page.keys(DOC)).toEqual(['kept-0', 'kept-1']);
    expect(await page.confirmStored(DOC)).toEqual({ ok: true, value: false });
    expect(await page.readRevision(DOC)).toMatchObject({ ok: false });
    // Trying again meets the same refusal, and says so.
    expect(await page.reopen(DOC)).toMatchObject({
      ok: false,
      value: expect.stringMatching(/could not be opened/),
    });
    expect(await page.problems(DOC)).toEqual(['unavailable', 'unavailable']);
    expect(page.pageErrors()).toEqual([]);
    await page.close();
  });

  it('a database of the same name that is not a local document’s: the load ends, "unavailable" is told, nothing throws', async () => {
    const page = await browser.page(inject('appUrl'));
    await page.createForeignDatabase(DOC);
    expect(await page.open(DOC)).toEqual({
      ok: false,
      value: expect.stringMatching(/is not a local document’s/),
    });
    expect(await page.problems(DOC)).toEqual(['unavailable']);
    expect(await page.change(DOC, 'kept-')).toBe('ok');
    expect(await page.keys(DOC)).toEqual(['kept-0']);
    expect(await page.confirmStored(DOC)).toEqual({ ok: true, value: false });
    expect(page.pageErrors()).toEqual([]);
    await page.close();
  });

  it('a database of the same name with no store at all: it is given the stores, and changes are stored', async () => {
    const page = await browser.page(inject('appUrl'));
    await page.createEmptyDatabase(DOC);
    expect(await page.open(DOC)).toMatchObject({ ok: true });
    expect(await page.change(DOC, 'kept-', 2)).toBe('ok');
    expect(await page.confirmStored(DOC)).toEqual({ ok: true, value: true });
    expect(await page.problems(DOC)).toEqual([]);
    expect(page.pageErrors()).toEqual([]);
    await page.close();
  });

  it('site data cleared: "closed" is told, changes do not throw, reopen stores everything in a new database', async () => {
    const page = await browser.page(inject('appUrl'));
    await page.open(DOC);
    expect(await page.change(DOC, 'before-', 3)).toBe('ok');
    expect(await page.writeRevision(DOC, 1_796_000_000_000)).toMatchObject({ ok: true });
    expect(await page.readRevision(DOC)).toEqual({ ok: true, value: 1_796_000_000_000 });
    expect(await page.confirmStored(DOC)).toEqual({ ok: true, value: true });

    await page.clearSiteData();
    await expect.poll(() => page.problems(DOC)).toEqual(['closed']);
    expect(await page.change(DOC, 'after-', 2)).toBe('ok');
    expect(await page.confirmStored(DOC)).toEqual({ ok: true, value: false });
    expect(await page.readRevision(DOC)).toMatchObject({ ok: false });

    expect(await page.reopen(DOC)).toMatchObject({ ok: true });
    expect(await page.confirmStored(DOC)).toEqual({ ok: true, value: true });
    // The database is new: no revision kept yet.
    expect(await page.readRevision(DOC)).toEqual({ ok: true, value: 0 });
    expect(await page.change(DOC, 'reopened-')).toBe('ok');
    expect(await page.confirmStored(DOC)).toEqual({ ok: true, value: true });

    await page.destroy(DOC);
    await page.open(DOC);
    expect(await page.keys(DOC)).toEqual([
      'after-0',
      'after-1',
      'before-0',
      'before-1',
      'before-2',
      'reopened-0',
    ]);
    expect(await page.problems(DOC)).toEqual([]);
    expect(page.pageErrors()).toEqual([]);
    await page.close();
  });

  it('600 changes are compacted into a few stored updates, and load back whole', async () => {
    const page = await browser.page(inject('appUrl'));
    await page.open(DOC);
    expect(await page.change(DOC, 'k', 600)).toBe('ok');
    expect(await page.storedUpdates(DOC)).toBeGreaterThanOrEqual(600);
    // The compaction waits for a second without changes.
    await expect.poll(() => page.storedUpdates(DOC), { timeout: 10_000 }).toBeLessThan(10);
    expect(await page.confirmStored(DOC)).toEqual({ ok: true, value: true });
    await page.destroy(DOC);
    await page.open(DOC);
    expect((await page.keys(DOC)).length).toBe(600);
    expect(page.pageErrors()).toEqual([]);
    await page.close();
  });
});
