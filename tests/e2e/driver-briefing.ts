/**
 * The township office's analysis, in its own words ("open the inventory", "open 民雄鄉's briefing", "print it",
 * "ask 金寧鄉有幾家友善商店"). Builds on driver.ts (AppPage: network fence, errors, axe); the Playwright details of
 * the analysis panel, the briefing page and the question box live here.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LANGUAGES, type Language } from '../../src/domain/model/language.ts';
import { translateBriefing } from '../../src/i18n/briefing/translate-briefing.ts';
import type { BriefingKey } from '../../src/i18n/briefing/zh-briefing.ts';
import { enMessages } from '../../src/i18n/messages-en.ts';
import { idMessages } from '../../src/i18n/messages-id.ts';
import { thMessages } from '../../src/i18n/messages-th.ts';
import { viMessages } from '../../src/i18n/messages-vi.ts';
import type { MessageKey } from '../../src/i18n/messages-zh.ts';
import { zhMessages } from '../../src/i18n/messages-zh.ts';
import { enOfficeMessages } from '../../src/i18n/office-messages-en.ts';
import { idOfficeMessages } from '../../src/i18n/office-messages-id.ts';
import { thOfficeMessages } from '../../src/i18n/office-messages-th.ts';
import { viOfficeMessages } from '../../src/i18n/office-messages-vi.ts';
import { type OfficeMessageKey, zhOfficeMessages } from '../../src/i18n/office-messages-zh.ts';
import { type Catalogue, type OfficeCatalogue, translate } from '../../src/i18n/translate.ts';
import { AppPage, launchChromium, type OpenOptions, type Viewport } from './driver.ts';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** Every interface language; the driver reads the words it looks for from the app's own catalogues. */
export const UI_LANGUAGES: readonly Language[] = LANGUAGES;
export type UiLanguage = Language;

// The first screen's words and the tools' (the app loads the latter with the tools).
const CATALOGUES: Record<Language, Catalogue & OfficeCatalogue> = {
  'zh-TW': { ...zhMessages, ...zhOfficeMessages },
  en: { ...enMessages, ...enOfficeMessages },
  vi: { ...viMessages, ...viOfficeMessages },
  id: { ...idMessages, ...idOfficeMessages },
  th: { ...thMessages, ...thOfficeMessages },
};

function wordsOf(language: Language) {
  const t = (key: MessageKey | OfficeMessageKey) => translate(CATALOGUES[language], key);
  const tb = (key: BriefingKey) => translateBriefing(language, key);
  return {
    toggle: new RegExp(`^${escapeRegExp(t('analysis.toggle'))}$`),
    panel: t('analysis.heading'),
    closeDetail: t('detail.close'),
    briefing: tb('briefing.open'),
    // The briefing page's heading with any township in it.
    briefingHeading: new RegExp(escapeRegExp(tb('briefing.heading')).replace(escapeRegExp('{town}'), '.+')),
    // The far-villages heading, its "of" (villages in the township) captured: above 0 once villages are in.
    farHeading: escapeRegExp(tb('briefing.farHeading'))
      .replace(escapeRegExp('{radius}'), '.+')
      .replace(escapeRegExp('{count}'), '\\d+')
      .replace(escapeRegExp('{of}'), '(\\d+)'),
    population: tb('briefing.population'),
    close: tb('briefing.close'),
    questionTab: tb('question.tab'),
    question: tb('question.label'),
    answer: tb('question.submit'),
    showOnMap: tb('question.apply'),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A place on the page where another element is drawn over the analysis panel. */
export interface CoveredPoint {
  readonly where: string;
  readonly coveredBy: string;
}

export interface Download {
  readonly fileName: string;
  readonly bytes: Buffer;
}

export class BriefingBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly appUrl: string,
  ) {}

  static async start(appUrl: string): Promise<BriefingBrowser> {
    return new BriefingBrowser(await launchChromium(), appUrl);
  }

  /** A fresh profile at a window size, opened at `search` (a shared link's query), in a language. */
  async open(options: OpenOptions & { language?: UiLanguage } = {}): Promise<BriefingTab> {
    const context = await this.browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 720 },
      locale: 'zh-TW',
      timezoneId: 'Asia/Taipei',
      serviceWorkers: 'block',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const app = new AppPage(context, page, new URL(this.appUrl), options);
    await app.install();
    const language = options.language ?? 'zh-TW';
    const params = new URLSearchParams(options.search ?? '');
    if (language !== 'zh-TW') params.set('lang', language);
    await page.goto(new URL(`?${params.toString()}`, this.appUrl).href);
    await app.waitUntilLoaded();
    return new BriefingTab(context, page, app, language);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

export class BriefingTab {
  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    readonly app: AppPage,
    private readonly language: UiLanguage,
  ) {}

  private get words() {
    return wordsOf(this.language);
  }

  async closeProfile(): Promise<void> {
    await this.context.close();
  }

  /** Opens a shared link (its query, e.g. a place set) in this same tab, in the tab's language. */
  async openLink(search: string): Promise<void> {
    const params = new URLSearchParams(search);
    if (this.language !== 'zh-TW') params.set('lang', this.language);
    await this.page.goto(new URL(`?${params.toString()}`, this.page.url()).href);
    await this.app.waitUntilLoaded();
  }

  /** The same page in a window of another size (a laptop, then the projector), laid out again. */
  async resize(viewport: Viewport): Promise<void> {
    await this.page.setViewportSize(viewport);
    await this.page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
  }

  async openInventory(): Promise<void> {
    await this.page.getByRole('button', { name: this.words.toggle }).click();
    await this.page.getByRole('region', { name: this.words.panel }).waitFor();
    // Every township's row is there once the township centroids have arrived.
    await this.page.waitForFunction(
      () =>
        document.querySelectorAll('.inventory-table tbody tr').length > 0 &&
        document.querySelector('[aria-label], button:not([disabled])') !== null,
    );
  }

  /** Opens the first result's detail (a selected result). */
  async selectFirstResult(): Promise<void> {
    await this.page.locator('#results .result-item__name').first().click();
    await this.page.locator('section[aria-labelledby="detail-heading"]').waitFor();
  }

  /** Closes the open detail with its own close button. */
  async closeDetail(): Promise<void> {
    await this.page.getByRole('button', { name: this.words.closeDetail, exact: true }).click();
    await this.page.locator('section[aria-labelledby="detail-heading"]').waitFor({ state: 'detached' });
  }

  /**
   * What is wrong with the layout as drawn, by bounding boxes, in words (an empty list: nothing):
   * - the analysis panel sticks out of the window;
   * - the box of another part of the page (header, notices, sidebar, map, results, legend, anything fixed or
   *   sticky) overlaps the panel's box, or one of those parts lets its content spill out of its own box;
   * - at the panel's tabs, buttons and a grid of points over it, something else is drawn on top;
   * - with a result open, its name and its close button overlap, or either is cut off or drawn over.
   */
  async layoutProblems(): Promise<string[]> {
    return this.page.evaluate(() => {
      const problems: string[] = [];
      const nameOf = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
      };
      const overlap = (a: DOMRect, b: DOMRect) =>
        Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
        Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
      const inside = (a: DOMRect, b: DOMRect) =>
        a.left >= b.left - 0.5 &&
        a.right <= b.right + 0.5 &&
        a.top >= b.top - 0.5 &&
        a.bottom <= b.bottom + 0.5;
      const text = (r: DOMRect) =>
        `[${Math.round(r.left)},${Math.round(r.top)} → ${Math.round(r.right)},${Math.round(r.bottom)}]`;

      const panel = document.querySelector('.analysis-panel');
      if (!panel) return ['no analysis panel'];
      const box = panel.getBoundingClientRect();
      const view = new DOMRect(0, 0, innerWidth, innerHeight);
      if (!inside(box, view))
        problems.push(`the panel ${text(box)} leaves the window ${innerWidth}×${innerHeight}`);

      const app = panel.closest('.app-main')?.parentElement;
      const parts = [
        ...[...(panel.parentElement?.children ?? [])].filter((el) => el !== panel),
        ...[...(app?.children ?? [])].filter((el) => !el.contains(panel)),
        ...[...document.body.querySelectorAll('*')].filter(
          (el) => !panel.contains(el) && /fixed|sticky/.test(getComputedStyle(el).position),
        ),
      ].filter(shown);
      for (const part of new Set(parts)) {
        const r = part.getBoundingClientRect();
        if (overlap(r, box) > 1) problems.push(`${nameOf(part)} ${text(r)} overlaps the panel ${text(box)}`);
        const style = getComputedStyle(part);
        if (
          style.overflowY === 'visible' &&
          part.scrollHeight > part.clientHeight + 1 &&
          part.clientHeight > 0
        )
          problems.push(`${nameOf(part)} spills ${part.scrollHeight - part.clientHeight}px out of its box`);
      }

      const points: [string, number, number][] = [];
      for (const el of panel.querySelectorAll('[role="tab"], .analysis-panel__head button')) {
        const r = el.getBoundingClientRect();
        points.push([`“${el.textContent?.trim()}”`, r.left + r.width / 2, r.top + r.height / 2]);
      }
      for (let i = 0; i < 5; i++)
        for (let j = 0; j < 3; j++)
          points.push([
            'the panel',
            box.left + 4 + ((box.width - 8) * i) / 4,
            box.top + 4 + ((box.height - 8) * j) / 2,
          ]);
      for (const [where, x, y] of points) {
        const hit = document.elementFromPoint(x, y);
        if (!hit || !panel.contains(hit))
          problems.push(
            `${where} at (${Math.round(x)},${Math.round(y)}) is under ${hit ? nameOf(hit) : 'nothing (outside the window)'}`,
          );
      }

      const heading = document.getElementById('detail-heading');
      const close = heading?.parentElement?.querySelector('button');
      const results = document.getElementById('results');
      if (heading && close && results) {
        const h = heading.getBoundingClientRect();
        const c = close.getBoundingClientRect();
        if (overlap(h, c) > 0)
          problems.push(`the record's name ${text(h)} and its close button ${text(c)} overlap`);
        const seen = results.getBoundingClientRect();
        for (const [what, el, r] of [
          ['name', heading, h],
          ['close button', close, c],
        ] as const) {
          if (!inside(r, seen))
            problems.push(`the record's ${what} ${text(r)} is cut off by the results ${text(seen)}`);
          const hit = document.elementFromPoint(
            r.left + Math.min(8, r.width / 2),
            r.top + Math.min(8, r.height / 2),
          );
          const hitEnd = document.elementFromPoint(
            r.right - Math.min(8, r.width / 2),
            r.bottom - Math.min(8, r.height / 2),
          );
          for (const at of [hit, hitEnd])
            if (!at || !el.contains(at))
              problems.push(`the record's ${what} is drawn over by ${at ? nameOf(at) : 'nothing'}`);
        }
      }
      return problems;
    });
  }

  async chooseTab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  // ---- Briefing ----

  async openBriefing(county: string, town: string): Promise<void> {
    const button = this.page.getByRole('button', { name: this.words.briefing });
    // Enabled once the township list has arrived.
    await this.page.waitForFunction(
      (name) => [...document.querySelectorAll('button')].some((b) => b.textContent === name && !b.disabled),
      this.words.briefing,
    );
    await button.click();
    const dialog = this.page.getByRole('dialog', { name: this.words.briefingHeading });
    await dialog.waitFor();
    await dialog
      .getByRole('combobox')
      .first()
      .selectOption({ value: `${county}|${town}` });
    await this.page.getByRole('heading', { level: 1, name: new RegExp(town) }).waitFor();
  }

  /** The key points as written. */
  async briefingSentences(): Promise<string[]> {
    return this.page.locator('.briefing-points li').allInnerTexts();
  }

  /** The counts table: category → [count, added]. */
  async briefingCounts(): Promise<Map<string, string[]>> {
    const rows = await this.page
      .locator('.briefing-table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          (tr.querySelector('th')?.textContent ?? '').trim(),
          ...[...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()),
        ]),
      );
    return new Map(rows.map(([head = '', ...cells]) => [head, cells]));
  }

  /** Far villages as listed. */
  async briefingFarVillages(): Promise<string[]> {
    await this.page
      .locator('.briefing-page')
      .getByText(/村里（\d+／\d+）|\(\d+ of \d+\)/)
      .first()
      .waitFor();
    return this.page
      .locator('.briefing-page h3')
      .nth(1)
      .locator('xpath=following-sibling::ul[1]/li/strong')
      .allInnerTexts();
  }

  /** Waits until the briefing counts the township's villages (their positions load when it first opens). */
  async waitForVillages(): Promise<void> {
    await this.page.waitForFunction((pattern) => {
      const far = new RegExp(pattern);
      return [...document.querySelectorAll('.briefing-page h3')].some(
        (h) => Number(far.exec(h.textContent ?? '')?.[1] ?? 0) > 0,
      );
    }, this.words.farHeading);
  }

  async loadPopulation(path: string): Promise<string> {
    await this.page.getByLabel(this.words.population).setInputFiles(path);
    return (await this.page.locator('.briefing-population [role="status"]').textContent()) ?? '';
  }

  /** Prints the page as Chromium's print to PDF would (print media, A4), saved under artifacts/. */
  async printToPdf(name: string): Promise<{ path: string; bytes: Buffer }> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = `${ARTIFACTS}${name}.pdf`;
    await this.page.emulateMedia({ media: 'print' });
    await this.page.pdf({ path, format: 'A4', printBackground: true });
    await this.page.emulateMedia({ media: 'screen' });
    return { path, bytes: readFileSync(path) };
  }

  async downloadAiPack(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: /AI/ }).click(),
    ]);
    const path = `${ARTIFACTS}download-${Date.now()}-${download.suggestedFilename()}`;
    mkdirSync(ARTIFACTS, { recursive: true });
    await download.saveAs(path);
    return { fileName: download.suggestedFilename(), bytes: readFileSync(path) };
  }

  async closeBriefing(): Promise<void> {
    await this.page.getByRole('button', { name: this.words.close }).click();
  }

  // ---- Questions ----

  async ask(question: string): Promise<void> {
    await this.page.getByRole('tab', { name: this.words.questionTab }).click();
    const box = this.page.getByRole('searchbox', { name: this.words.question });
    await box.fill(question);
    await this.page.getByRole('button', { name: this.words.answer, exact: true }).click();
  }

  /** Clicks the example question whose text begins with `example`, in the question tab. */
  async askExample(example: string): Promise<void> {
    await this.page.getByRole('tab', { name: this.words.questionTab }).click();
    await this.page
      .locator('.question-box__examples')
      .getByRole('button', { name: new RegExp(`^${escapeRegExp(example)}`) })
      .click();
  }

  /** The understanding as the choices show it: label → chosen option's text. */
  async understanding(): Promise<Record<string, string>> {
    return this.page.locator('.question-box__understood').evaluate((fieldset) => {
      const out: Record<string, string> = {};
      for (const label of fieldset.querySelectorAll('label')) {
        const control = label.querySelector('select, input');
        const name = (label.firstChild?.textContent ?? '').trim();
        if (control instanceof HTMLSelectElement) out[name] = control.selectedOptions[0]?.textContent ?? '';
        else if (control instanceof HTMLInputElement) out[name] = control.value;
      }
      return out;
    });
  }

  async adjust(label: string, option: string): Promise<void> {
    await this.page.locator('.question-box__understood').getByLabel(label).selectOption({ label: option });
  }

  async answerText(): Promise<string> {
    return (
      (await this.page.locator('.question-box__answer, .question-box__unknown').first().textContent()) ?? ''
    ).trim();
  }

  async exampleQuestions(): Promise<string[]> {
    return this.page.locator('.question-box__examples button').allInnerTexts();
  }

  async showAnswerOnMap(): Promise<void> {
    await this.page.getByRole('button', { name: this.words.showOnMap }).click();
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = `${ARTIFACTS}${name}.png`;
    await this.page.screenshot({ path });
    return path;
  }
}
