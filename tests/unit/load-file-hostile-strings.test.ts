import { describe, expect, it } from 'vitest';
import { toCsvText } from '../../src/domain/loading/parse-csv.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { filterResources, NO_FILTERS } from '../../src/domain/query/filter-resources.ts';
import { loadText, manifest } from './load-context.ts';

/** Strings that must stay data: never markup, formulas, code or reordering instructions for the importer. */
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '=HYPERLINK("http://evil.example","點我")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '-2+3',
  '{{7*7}} \u0024{alert(1)}',
  "'; DROP TABLE resources;--",
  'He said "hi", then left',
  'C:\\Windows\\System32',
  '🏠❤️‍🔥 社區 👩🏽‍🦳',
  '\u202Eexe.社區\u202C',
  '關懷\u200F據點\u200E',
  '零寬\u200B空白',
  'line one\nline two',
  '__proto__',
  'constructor',
  'javascript:alert(1)',
];

const header = ['名稱', '地址', '備註欄', '網址'];
const csv = toCsvText(
  header,
  HOSTILE.map((s) => [s, '嘉義縣民雄鄉江厝店29之4號', s, s]),
);
const geojson = JSON.stringify({
  type: 'FeatureCollection',
  features: HOSTILE.map((s) => ({
    type: 'Feature',
    properties: { name: s, address: '嘉義縣民雄鄉江厝店29之4號', 備註欄: s },
    geometry: { type: 'Point', coordinates: [120.4316, 23.5537] },
  })),
});

describe.each([
  { format: 'csv', text: csv, file: 'hostile.csv' },
  { format: 'geojson', text: geojson, file: 'hostile.geojson' },
])('hostile strings through the $format chain', ({ format, text, file }) => {
  const loaded = loadText(text, { file });

  it('loads one resource per string', () => {
    expect(loaded.format).toBe(format);
    expect(loaded.resources).toHaveLength(HOSTILE.length);
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it.each(HOSTILE.map((s, i) => [i, s] as const))('keeps #%i %j unchanged as name and extra', (i, s) => {
    const resource = loaded.resources[i];
    expect(resource?.name).toBe(s);
    expect(resource?.extra.備註欄).toBe(s);
    expect(Object.getPrototypeOf(resource?.extra)).toBe(Object.prototype);
  });

  it('finds each string by searching for it', () => {
    const index = buildDataset(loaded.resources, {
      categories: manifest.categories,
      serviceTags: manifest.serviceTags,
    });
    for (const [i, s] of HOSTILE.entries()) {
      const visible = filterResources(index, { ...NO_FILTERS, query: s.replace(/\s/g, '') }).visible;
      expect(visible).toContain(i);
    }
  });
});

describe('hostile website cells', () => {
  it('never turn into links, and stay in extra as written', () => {
    const loaded = loadText(csv, { file: 'hostile.csv' });
    const bad = loaded.issues.filter((i) => i.code === 'invalid-website');
    expect(loaded.resources.filter((r) => r.website !== undefined)).toEqual([]);
    expect(bad).toHaveLength(HOSTILE.length);
    for (const [i, s] of HOSTILE.entries()) expect(loaded.resources[i]?.extra.網址).toBe(s);
  });
});
