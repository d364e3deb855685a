import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManifestError, parseManifest } from '../../src/domain/model/manifest.ts';
import {
  correctionLink,
  DEFAULT_RESIDENT_CONFIG,
  residentConfigOf,
} from '../../src/domain/model/resident-config.ts';
import { repoFile } from './fixture-paths.ts';

const appManifest = JSON.parse(readFileSync(repoFile('data', 'manifest.json'), 'utf8'));
const minimal = {
  title: { zh: '地圖', en: 'Map' },
  files: [],
  categories: [],
  serviceTags: [{ id: 'meals', label: { zh: '餐食', en: 'Meals' } }],
  basemaps: [],
};
const problemsOf = (data: unknown): readonly string[] => {
  try {
    parseManifest(data);
    return [];
  } catch (error) {
    if (error instanceof ManifestError) return error.problems;
    throw error;
  }
};

describe('resident settings in the manifest', () => {
  it('reads the app manifest: five needs, the six hotlines (1966 with elder care), the hotlines of welfare categories and a correction link', () => {
    const config = residentConfigOf(parseManifest(appManifest));
    expect(config.needs.map((n) => n.id)).toEqual(['meals', 'child-safe', 'talk', 'elder-care', 'urgent']);
    expect(config.needs.find((n) => n.id === 'urgent')).toMatchObject({
      services: ['referral'],
      showHotlines: true,
    });
    expect(config.hotlines.map((h) => h.number)).toEqual(['110', '119', '113', '1925', '1957', '1966']);
    expect(config.needs.find((n) => n.id === 'elder-care')?.hotlines).toEqual(['1966']);
    expect(config.categoryHotlines['welfare-center']).toEqual(['1957', '113', '1925', '1966']);
    expect(config.correctionUrl).toMatch(/^mailto:/);
  });

  it('gives an older manifest the defaults, keeping only needs its tags can answer', () => {
    const manifest = parseManifest(minimal);
    expect(manifest).not.toHaveProperty('residents');
    const config = residentConfigOf(manifest);
    expect(config.needs.map((n) => n.id)).toEqual(['meals', 'urgent']);
    expect(config.needs[1]?.services).toEqual([]);
    expect(config.hotlines).toBe(DEFAULT_RESIDENT_CONFIG.hotlines);
    expect(config.correctionUrl).toBeNull();
  });

  it('reports a bad deployment county, optional label language, need or category hotline, by path', () => {
    expect(
      problemsOf({
        ...minimal,
        county: 3,
        categories: [
          { id: 'c', label: { zh: '類', en: 'Kind', vi: '' }, aliases: [], color: '#000', symbol: 'circle' },
        ],
        needs: [
          { id: 'meals', label: { zh: '餐', en: 'Meal', th: 7 }, services: ['meals'], hotlines: ['1999'] },
        ],
        hotlines: [{ number: '113', label: { zh: '保護', en: 'Protect' } }],
        categoryHotlines: { c: ['113', '0800'], nope: ['113'] },
      }),
    ).toEqual([
      'categories[0].label.vi must be a non-empty text',
      'needs[0].label.th must be a non-empty text',
      'categoryHotlines "nope" is not a category id',
      'needs[0].hotlines "1999" is not one of the hotlines',
      'categoryHotlines.c "0800" is not one of the hotlines',
      'county must be the name of the county the map is for, e.g. 嘉義縣',
    ]);
  });

  it('reads a deployment county (台 written 臺) and optional translations', () => {
    const manifest = parseManifest({
      ...minimal,
      county: '台東縣',
      serviceTags: [{ id: 'meals', label: { zh: '餐食', en: 'Meals', id: 'Makanan' } }],
    });
    expect(manifest.county).toBe('臺東縣');
    expect(manifest.serviceTags[0]?.label).toEqual({ zh: '餐食', en: 'Meals', id: 'Makanan' });
  });

  it('reports what is wrong, as for the rest of the manifest', () => {
    expect(
      problemsOf({
        ...minimal,
        needs: [{ id: 'x', label: { zh: '甲' }, services: ['nope'] }, 'junk'],
        hotlines: [{ number: '11-3a', label: { zh: '保護', en: 'Protect' } }],
        correctionUrl: 'javascript:alert(1)',
      }),
    ).toEqual([
      'needs[0].services "nope" is not a service tag id',
      'needs[0].label.en must be a non-empty text',
      'needs[1].services must list service tag ids',
      'needs[1].id must be a non-empty text',
      'needs[1].label.zh must be a non-empty text',
      'needs[1].label.en must be a non-empty text',
      'hotlines[0].number must be digits, e.g. 113',
      'correctionUrl must start with mailto: or https://',
    ]);
  });
});

describe('correctionLink', () => {
  const centre = { id: 'chiayi-wc-minxiong', name: '民雄中心 & <b>', address: '嘉義縣民雄鄉江厝店29之4號' };

  it('fills in the resource, encoded, so no text can add parameters or markup', () => {
    const link =
      correctionLink('mailto:a@example.org?subject=更正：{name}&body={id}%0A{address}', centre) ?? '';
    const url = new URL(link);
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(link)).toContain('subject=更正：民雄中心 & <b>');
    expect(link).not.toContain('<');
    expect(link.split('&')).toHaveLength(2); // the name's "&" stayed inside the subject
  });

  it('keeps a form URL, and refuses anything but mailto or http(s)', () => {
    expect(correctionLink('https://forms.example.org/f?entry.1={id}', centre)).toBe(
      'https://forms.example.org/f?entry.1=chiayi-wc-minxiong',
    );
    expect(correctionLink('javascript:alert({id})', centre)).toBeNull();
    expect(correctionLink(null, centre)).toBeNull();
  });

  const change =
    '資源：民雄中心（編號 chiayi-wc-minxiong）\n哪一項不對：電話\n目前寫的電話：05-2267000\n建議改為：05-2267001 & 分機 12';
  const manifestTemplate =
    'mailto:resource-map@example.org?subject=資料更正：{name}&body=資源編號：{id}%0A地址：{address}%0A需要更正的內容：';

  it.each([
    ['the manifest’s mailto, whose body ends where the change goes', manifestTemplate, 'body'],
    ['a mailto without a body', 'mailto:a@example.org?subject={name}', 'body'],
    ['a form without {change}', 'https://forms.example.org/f?entry.1={id}#top', 'change'],
    ['a form that places {change}', 'https://forms.example.org/f?entry.1={id}&entry.2={change}', 'entry.2'],
  ])('carries the record and the proposed change: %s', (_, template, param) => {
    const link = correctionLink(template, centre, change) ?? '';
    const url = new URL(link);
    const params = new URLSearchParams(url.search);
    expect(params.get(param)).toContain(change);
    expect(link).toContain(encodeURIComponent(centre.id));
    expect(link).not.toMatch(/\+/); // spaces stay %20: mail programs show a "+" as it is
  });

  it('puts the change on a new line after the template’s own body text', () => {
    const link = correctionLink(manifestTemplate, centre, change) ?? '';
    expect(decodeURIComponent(new URL(link).search)).toContain(`需要更正的內容：\n${change}`);
  });
});
