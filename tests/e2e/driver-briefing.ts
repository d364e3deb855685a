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
import { type Catalogue, translate } from '../../src/i18n/translate.ts';
import { AppPage, launchChromium, type OpenOptions } from './driver.ts';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** Every interface language; the driver reads the words it looks for from the app's own catalogues. */
export const UI_LANGUAGES: readonly Language[] = LANGUAGES;
export type UiLanguage = Language;

const CATALOGUES: Record<Language, Catalogue> = {
  'zh-TW': zhMessages,
  en: enMessages,
  vi: viMessages,
  id: idMessages,
  th: thMessages,
};

function wordsOf(language: Language) {
  const t = (key: MessageKey) => translate(CATALOGUES[language], key);
  const tb = (key: BriefingKey) => translateBriefing(language, key);
  return {
    toggle: new RegExp(`^${escapeRegExp(t('analysis.toggle'))}$`),
    panel: t('analysis.heading'),
    briefing: tb('briefing.open'),
    close: tb('briefing.close'),
    questionTab: tb('question.tab'),
    question: tb('question.label'),
    answer: tb('question.submit'),
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

  /**
   * Points of the analysis panel (its tabs, its buttons, its corners) where another element is drawn on top:
   * an empty list means nothing covers it.
   */
  async pointsCoveringAnalysisPanel(): Promise<CoveredPoint[]> {
    return this.page.evaluate(() => {
      const panel = document.querySelector('.analysis-panel');
      if (!panel) return [{ where: 'panel', coveredBy: 'no panel' }];
      const targets: [string, Element][] = [
        ...[...panel.querySelectorAll('[role="tab"], .analysis-panel__head button')].map(
          (el): [string, Element] => [`control ${el.textContent?.trim()}`, el],
        ),
        ['panel', panel],
      ];
      const out: { where: string; coveredBy: string }[] = [];
      for (const [where, el] of targets) {
        const r = el.getBoundingClientRect();
        const points =
          el === panel
            ? [
                [r.left + 4, r.top + 4],
                [r.right - 4, r.top + 4],
                [r.left + 4, r.bottom - 4],
                [r.right - 4, r.bottom - 4],
                [r.left + r.width / 2, r.top + r.height / 2],
              ]
            : [[r.left + r.width / 2, r.top + r.height / 2]];
        for (const [x = 0, y = 0] of points) {
          if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) {
            out.push({
              where: `${where} (${Math.round(x)},${Math.round(y)})`,
              coveredBy: 'outside the window',
            });
            continue;
          }
          const hit = document.elementFromPoint(x, y);
          if (hit && !panel.contains(hit))
            out.push({
              where: `${where} (${Math.round(x)},${Math.round(y)})`,
              coveredBy: `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}`,
            });
        }
      }
      return out;
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
    const dialog = this.page.getByRole('dialog', { name: /資源簡報|Resource briefing/ });
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

  async waitForVillages(): Promise<void> {
    await this.page.waitForFunction(
      () => !/正在載入村里位置|Loading village/.test(document.body.textContent ?? ''),
    );
  }

  async loadPopulation(path: string): Promise<string> {
    await this.page.getByLabel(/人口統計表|Population table/).setInputFiles(path);
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
    await this.page.getByRole('button', { name: /在地圖與清單上顯示|Show on the map and list/ }).click();
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = `${ARTIFACTS}${name}.png`;
    await this.page.screenshot({ path });
    return path;
  }
}
