import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIONAL_LABEL_LANGUAGES } from '../../src/domain/model/categories.ts';
import { LANGUAGES, type Language } from '../../src/domain/model/language.ts';
import { parseManifest } from '../../src/domain/model/manifest.ts';
import { DEFAULT_RESIDENT_CONFIG, residentConfigOf } from '../../src/domain/model/resident-config.ts';
import { briefingCatalogue } from '../../src/i18n/briefing/translate-briefing.ts';
import { type BriefingKey, zhBriefing } from '../../src/i18n/briefing/zh-briefing.ts';
import { loadCatalogue, loadOfficeCatalogue } from '../../src/i18n/load-catalogue.ts';
import { zhMessages } from '../../src/i18n/messages-zh.ts';
import { zhOfficeMessages } from '../../src/i18n/office-messages-zh.ts';

/**
 * Words that stay as they are in every language: file formats, standards, brands, codes. A translation may equal
 * the English text only when nothing else is left once these, the {placeholders}, numbers and punctuation are
 * taken out — so a key someone forgot to translate (copied from English) fails here.
 */
const KEPT_AS_IS = [
  'Google Earth',
  'My Maps',
  'OpenDocument',
  'LibreOffice',
  'Excel',
  'GeoJSON',
  'UTF-16LE',
  'UTF-16BE',
  'Unicode Text',
  'EPSG',
  'TWD97',
  'TWD67',
  'TM2',
  'XLSX',
  'XLS',
  'CSV',
  'TSV',
  'KML',
  'KMZ',
  'ODS',
  'GIS',
  'HSDS',
  'LINE',
  // Place names written the same in Indonesian and English.
  'Penghu',
];

function leftAfterKeptWords(text: string): string {
  let rest = text.replace(/\{\w+\}/g, '');
  for (const word of KEPT_AS_IS) rest = rest.split(word).join('');
  return rest.replace(/[\d\s\p{P}\p{S}]/gu, '');
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
type AnyCatalogue = Readonly<Record<string, string>>;

// The first screen's catalogue (zh-TW's built in) and the tools' (a chunk per language, zh-TW's too).
const CATALOGUES: readonly (readonly [
  string,
  AnyCatalogue,
  (l: Language) => Promise<AnyCatalogue | null>,
])[] = [
  ['first screen', zhMessages, loadCatalogue],
  ['tools', zhOfficeMessages, loadOfficeCatalogue],
];

describe.each(CATALOGUES)('the %s catalogue', (_name, zh, load) => {
  const keys = Object.keys(zh);

  it.each(LANGUAGES.filter((l) => l !== 'zh-TW'))(
    'in %s has every key of zh-TW, none empty unless zh-TW is, and the same {placeholders}',
    async (language) => {
      const catalogue = await load(language);
      if (!catalogue) throw new Error(`no catalogue for ${language}`);
      expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
      const problems = keys.flatMap((key) => {
        const text = catalogue[key] ?? '';
        const source = zh[key] ?? '';
        if (text.trim() === '' && source !== '') return [`${key}: empty`];
        if (placeholders(text).join() !== placeholders(source).join())
          return [`${key}: placeholders ${placeholders(text)} ≠ ${placeholders(source)}`];
        return [];
      });
      expect(problems).toEqual([]);
    },
  );

  it.each(LANGUAGES.filter((l) => l !== 'zh-TW' && l !== 'en'))(
    'in %s has no text left in English or in Chinese (bar formats, brands and numbers)',
    async (language) => {
      const catalogue = await load(language);
      const en = await load('en');
      if (!catalogue || !en) throw new Error('catalogue missing');
      const leftovers = keys.filter((key) => {
        const text = catalogue[key] ?? '';
        const copied = text === en[key] || text === zh[key];
        return copied && leftAfterKeptWords(text) !== '';
      });
      expect(leftovers).toEqual([]);
    },
  );
});

describe('the two catalogues', () => {
  it('share no key, so that a key names one message in one catalogue', () => {
    expect(Object.keys(zhOfficeMessages).filter((key) => key in zhMessages)).toEqual([]);
  });

  it('are loaded for zh-TW as for every language: the first screen’s built in, the tools’ as a chunk', async () => {
    expect(await loadCatalogue('zh-TW')).toBeNull();
    expect(await loadOfficeCatalogue('zh-TW')).toBe(zhOfficeMessages);
  });
});

/** Thai writes no full stop at the end of a sentence: the one briefing string left empty on purpose. */
const EMPTY_ON_PURPOSE: Partial<Record<string, readonly BriefingKey[]>> = { th: ['briefing.s.end'] };
const briefingKeys = Object.keys(zhBriefing) as BriefingKey[];

describe.each(LANGUAGES.filter((l) => l !== 'zh-TW'))('the %s briefing catalogue', (language) => {
  const catalogue = briefingCatalogue(language);

  it('has every key of zh-TW, none empty unless on purpose, and the same {placeholders}', () => {
    expect(Object.keys(catalogue).sort()).toEqual([...briefingKeys].sort());
    const problems = briefingKeys.flatMap((key) => {
      const text = catalogue[key];
      if (text.trim() === '' && !EMPTY_ON_PURPOSE[language]?.includes(key)) return [`${key}: empty`];
      if (placeholders(text).join() !== placeholders(zhBriefing[key]).join())
        return [`${key}: placeholders ${placeholders(text)} ≠ ${placeholders(zhBriefing[key])}`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it.runIf(language !== 'en')(
    'has no text left in English or in Chinese (bar formats, brands and numbers)',
    () => {
      const english = briefingCatalogue('en');
      const leftovers = briefingKeys.filter((key) => {
        const text = catalogue[key];
        const copied = text === english[key] || text === zhBriefing[key];
        return copied && leftAfterKeptWords(text) !== '';
      });
      expect(leftovers).toEqual([]);
    },
  );
});

describe('configuration labels', () => {
  const manifest = parseManifest(JSON.parse(readFileSync(resolve('data/manifest.json'), 'utf8')));
  const residents = residentConfigOf(manifest);
  const labelled = [
    ...manifest.categories.map((c) => [`category ${c.id}`, c.label] as const),
    ...manifest.serviceTags.map((s) => [`service ${s.id}`, s.label] as const),
    ...residents.needs.map((n) => [`need ${n.id}`, n.label] as const),
    ...residents.hotlines.map((h) => [`hotline ${h.number}`, h.label] as const),
    ...DEFAULT_RESIDENT_CONFIG.needs.map((n) => [`default need ${n.id}`, n.label] as const),
    ...DEFAULT_RESIDENT_CONFIG.hotlines.map((h) => [`default hotline ${h.number}`, h.label] as const),
  ];

  it.each(OPTIONAL_LABEL_LANGUAGES)(
    'of the default categories, services, needs and hotlines are in %s',
    (language) => {
      const missing = labelled.filter(([, label]) => {
        const text = label[language];
        return !text || text === label.en || text === label.zh;
      });
      expect(missing.map(([name]) => name)).toEqual([]);
    },
  );
});
