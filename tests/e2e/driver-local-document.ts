/**
 * The local document class (src/services/local-docs/local-document.ts) in real Chromium, on the built app's
 * origin, without the app: local-document-probe.ts is bundled and added to a page of the origin (the manifest),
 * and each method here runs one of its functions there. Also the DevTools Protocol's Storage domain (quota,
 * clearing) and the page's uncaught errors and unhandled rejections.
 */
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, launchChromiumRefusingSiteData } from './driver.ts';
import type { LocalDocumentProbe } from './local-document-probe.ts';

type Probe = LocalDocumentProbe;
type Answer<K extends keyof Probe> = Awaited<ReturnType<Probe[K]>>;

let script: string | null = null;
async function probeScript(): Promise<string> {
  if (script) return script;
  const bundle = await build({
    entryPoints: [new URL('./local-document-probe.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  });
  script = bundle.outputFiles[0]?.text ?? '';
  return script;
}

export class LocalDocumentBrowser {
  private constructor(private readonly browser: Browser) {}

  static async start(): Promise<LocalDocumentBrowser> {
    return new LocalDocumentBrowser(await launchChromium());
  }

  /** A fresh profile; with `quota`, the site may store at most that many bytes from its first use of IndexedDB. */
  async page(appUrl: string, quota?: number): Promise<LocalDocumentPage> {
    const context = await this.browser.newContext();
    return this.probePage(context, appUrl, quota, () => context.close());
  }

  /** A page in a Chromium of its own whose profile refuses sites' data (IndexedDB does not open). */
  async pageRefusingSiteData(appUrl: string): Promise<LocalDocumentPage> {
    const refusing = await launchChromiumRefusingSiteData();
    return this.probePage(refusing.context, appUrl, undefined, refusing.dispose);
  }

  private async probePage(
    context: BrowserContext,
    appUrl: string,
    quota: number | undefined,
    close: () => Promise<void>,
  ): Promise<LocalDocumentPage> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // A page of a data file asks for a favicon the server does not have: not an error of the document.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        errors.push(`console.error: ${message.text()}`);
    });
    await page.goto(new URL('data/manifest.json', appUrl).href);
    if (quota !== undefined) {
      // Before the first use: Chromium reckons the space left once, then; the session stays open with the page.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(appUrl).origin, quotaSize: quota });
    }
    await page.addScriptTag({ content: await probeScript() });
    return new LocalDocumentPage(context, page, new URL(appUrl).origin, errors, close);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

export class LocalDocumentPage {
  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly origin: string,
    private readonly errors: string[],
    private readonly closeProfile: () => Promise<void>,
  ) {}

  private run<K extends keyof Probe>(method: K, ...args: Parameters<Probe[K]>): Promise<Answer<K>> {
    return this.page.evaluate(
      ([m, a]) => {
        const p = (window as unknown as { localDocumentProbe: Record<string, (...x: unknown[]) => unknown> })
          .localDocumentProbe;
        return p[m as string]?.(...(a as unknown[]));
      },
      [method, args] as const,
    ) as Promise<Answer<K>>;
  }

  open = (name: string) => this.run('open', name);
  change = (name: string, prefix: string, count = 1) => this.run('change', name, prefix, count);
  keys = (name: string) => this.run('keys', name);
  problems = (name: string) => this.run('problems', name);
  confirmStored = (name: string) => this.run('confirmStored', name);
  reopen = (name: string) => this.run('reopen', name);
  readRevision = (name: string) => this.run('readRevision', name);
  writeRevision = (name: string, revision: number) => this.run('writeRevision', name, revision);
  destroy = (name: string) => this.run('destroy', name);
  storedUpdates = (name: string) => this.run('storedUpdates', name);
  createForeignDatabase = (name: string) => this.run('createForeignDatabase', name);
  createEmptyDatabase = (name: string) => this.run('createEmptyDatabase', name);

  /** Clears the site's data while the page stays open, as the browser's "clear site data" does. */
  async clearSiteData(): Promise<void> {
    const cdp = await this.context.newCDPSession(this.page);
    await cdp.send('Storage.clearDataForOrigin', { origin: this.origin, storageTypes: 'all' });
    await cdp.detach();
  }

  async wait(ms: number): Promise<void> {
    await this.page.waitForTimeout(ms);
  }

  /** Uncaught errors, unhandled rejections and console errors of the page so far. */
  pageErrors(): readonly string[] {
    return [...this.errors];
  }

  async close(): Promise<void> {
    await this.closeProfile();
  }
}
