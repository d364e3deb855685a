import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type RenderResult, render } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { type FetchedFile, type LoadedDataset, loadDataset } from '../../src/domain/loading/load-dataset.ts';
import { type Manifest, type ManifestFile, parseManifest } from '../../src/domain/model/manifest.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { useAppStore } from '../../src/store/app-store.ts';
import { loadedPayload } from '../store-payload.ts';

const dataFile = (name: string) => resolve(process.cwd(), 'data', name);

/** The embedded data/manifest.json, validated as the app validates it. */
export const defaultManifest: Manifest = parseManifest(
  JSON.parse(readFileSync(dataFile('manifest.json'), 'utf8')),
);
const gazetteerText = readFileSync(dataFile(defaultManifest.gazetteer), 'utf8');

/** A file to load next to the embedded ones, as an office would list it in the manifest. */
export interface ExtraFile {
  readonly path: string;
  /** CSV or GeoJSON text; it goes through the same bytes → resources chain as every other file. */
  readonly text: string;
  readonly category?: string;
  readonly source?: string;
  readonly sample?: boolean;
}

export interface DatasetOptions {
  readonly extraFiles?: readonly ExtraFile[];
  /** Manifest files whose download fails, with the reason the fetcher would give. */
  readonly failures?: Readonly<Record<string, string>>;
}

export type SeededDataset = LoadedDataset & { readonly manifest: Manifest };

/** The embedded default data (plus any extra files) through the real chain: manifest → bytes → resources. */
export function loadTestDataset({ extraFiles = [], failures = {} }: DatasetOptions = {}): SeededDataset {
  const extraSpecs = extraFiles.map(
    (f): ManifestFile => ({
      path: f.path,
      category: f.category ?? 'community-association',
      source: f.source ?? '測試資料',
      visibility: 'public',
      sample: f.sample ?? false,
    }),
  );
  const manifest: Manifest = { ...defaultManifest, files: [...defaultManifest.files, ...extraSpecs] };
  const fetched = manifest.files.map((spec): FetchedFile => {
    const failure = failures[spec.path];
    if (failure !== undefined) return { path: spec.path, error: failure };
    const extra = extraFiles.find((f) => f.path === spec.path);
    const bytes = extra
      ? new TextEncoder().encode(extra.text)
      : new Uint8Array(readFileSync(dataFile(spec.path)));
    return { path: spec.path, bytes };
  });
  return { manifest, ...loadDataset(manifest, gazetteerText, fetched) };
}

/** Loads a dataset (default: the embedded data) and puts it in the store, as the app does on start. */
export function seedStore(options: DatasetOptions = {}): SeededDataset {
  const dataset = loadTestDataset(options);
  useAppStore
    .getState()
    .setDataset(loadedPayload(dataset.manifest, dataset.resources, dataset.issues, dataset.files));
  return dataset;
}

/** Seeds the store, renders the UI and returns a userEvent session with the seeded dataset. */
export function renderWithData(
  ui: ReactElement,
  options: DatasetOptions = {},
): RenderResult & { user: UserEvent; dataset: SeededDataset } {
  const dataset = seedStore(options);
  const user = userEvent.setup();
  return { user, dataset, ...render(ui) };
}

/** How many resources satisfy a plain predicate: expectations computed without the app's filter code. */
export function countWhere(dataset: SeededDataset, predicate: (r: Resource) => boolean): number {
  return dataset.resources.filter(predicate).length;
}

/** The one resource with this id, or a test failure. */
export function resourceById(dataset: SeededDataset, id: string): Resource {
  const resource = dataset.resources.find((r) => r.id === id);
  if (!resource) throw new Error(`no resource with id ${id} in the test dataset`);
  return resource;
}

/**
 * jsdom has no layout, so a virtualised list would render no rows. This gives every element a viewport
 * height, every row a height and a scroll height from its content's inline height (the virtualiser sets
 * it), and makes `scrollTo` move `scrollTop` and then fire `scroll`, as a browser does.
 * Call it in `beforeEach`; the getters are restored by `restoreMocks`, `scrollTo` by the returned `restore`.
 */
export function simulateListLayout({ viewport = 600, row = 84 } = {}) {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(viewport);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(row);
  vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
    const content =
      this.firstElementChild instanceof HTMLElement
        ? Number.parseFloat(this.firstElementChild.style.height)
        : 0;
    return Math.max(viewport, content || 0);
  });
  const scrollTo = vi.fn(function (this: HTMLElement, options?: ScrollToOptions) {
    this.scrollTop = options?.top ?? this.scrollTop;
    // Browsers fire `scroll` later, not inside the call (a synchronous event would re-render mid-effect).
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollTo', {
    configurable: true,
    writable: true,
    value: scrollTo,
  });
  const restore = () => Reflect.deleteProperty(HTMLElement.prototype, 'scrollTo');
  return { scrollTo, restore };
}

/**
 * A CSV an attacker could slip into an import: markup in every text field and a `javascript:` website,
 * next to two honest rows whose websites are http(s) with and without the scheme written.
 */
export const hostileFile: ExtraFile = {
  path: 'hostile.csv',
  category: 'friendly-shop',
  text: [
    'id,名稱,類別,地址,電話,網址,說明',
    'test-hostile,<img src=x onerror=alert(1)>,友善商店,<script>alert(1)</script>嘉義縣民雄鄉,05-2207017,javascript:alert(1),"<b>粗體</b><a href=""javascript:alert(2)"">按我</a>"',
    'test-website,測試網站商店,友善商店,嘉義縣民雄鄉測試路1號,,https://example.org/shop?a=1&b=2,',
    'test-bare-website,測試裸網址商店,友善商店,嘉義縣民雄鄉測試路2號,,www.example.com/path,',
  ].join('\n'),
};
