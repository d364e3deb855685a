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
  it('reads the app manifest: five needs, the five hotlines and a correction link', () => {
    const config = residentConfigOf(parseManifest(appManifest));
    expect(config.needs.map((n) => n.id)).toEqual(['meals', 'child-safe', 'talk', 'elder-care', 'urgent']);
    expect(config.needs.find((n) => n.id === 'urgent')).toMatchObject({
      services: ['referral'],
      showHotlines: true,
    });
    expect(config.hotlines.map((h) => h.number)).toEqual(['110', '119', '113', '1925', '1957']);
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
});
