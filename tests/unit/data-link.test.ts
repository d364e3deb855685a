import { describe, expect, it } from 'vitest';
import {
  DATA_LINK_MAX_BYTES,
  dataLinkHost,
  formatByteLimit,
  isTrustedDataLink,
  parseTrustedDataHosts,
  readDataLink,
  trustedOrigin,
  withoutDataLink,
} from '../../src/domain/link/data-link.ts';
import { parseManifest } from '../../src/domain/model/manifest.ts';

const param = (url: string) => `?data=${encodeURIComponent(url)}`;

describe('readDataLink', () => {
  it.each([
    { search: '', expected: { kind: 'none' } },
    { search: '?q=民雄', expected: { kind: 'none' } },
    { search: '?data=', expected: { kind: 'none' } },
    {
      search: param('https://evil.example/centres.csv'),
      expected: { kind: 'link', url: 'https://evil.example/centres.csv', host: 'evil.example' },
    },
    {
      search: `${param('http://127.0.0.1:8123/a b.csv')}&id=x`,
      expected: { kind: 'link', url: 'http://127.0.0.1:8123/a%20b.csv', host: '127.0.0.1:8123' },
    },
    {
      // Upper case and a default port are written the way the parser reads them.
      search: param('HTTPS://Data.Example.ORG:443/x.csv'),
      expected: { kind: 'link', url: 'https://data.example.org/x.csv', host: 'data.example.org' },
    },
    {
      // A look-alike Cyrillic а (U+0430) shows as xn--, not as a Latin a.
      search: param('https://dаta.chiayi.gov.tw/x.csv'),
      expected: {
        kind: 'link',
        url: 'https://xn--dta-6cd.chiayi.gov.tw/x.csv',
        host: 'xn--dta-6cd.chiayi.gov.tw',
      },
    },
    {
      search: param('javascript:alert(1)'),
      expected: { kind: 'refused', raw: 'javascript:alert(1)', reason: 'url-not-http' },
    },
    {
      search: param('data:text/csv,名稱%0A甲'),
      expected: { kind: 'refused', raw: 'data:text/csv,名稱%0A甲', reason: 'url-not-http' },
    },
    {
      search: param('/data/x.csv'),
      expected: { kind: 'refused', raw: '/data/x.csv', reason: 'url-not-http' },
    },
    {
      search: param('https://data.chiayi.gov.tw@evil.example/x.csv'),
      expected: {
        kind: 'refused',
        raw: 'https://data.chiayi.gov.tw@evil.example/x.csv',
        reason: 'url-has-credentials',
      },
    },
  ])('reads $search', ({ search, expected }) => {
    expect(readDataLink(search)).toEqual(expected);
  });
});

describe('withoutDataLink', () => {
  it.each([
    { search: '?data=https%3A%2F%2Fa.example%2Fx.csv', expected: '' },
    {
      search: '?q=%E6%B0%91%E9%9B%84&data=https%3A%2F%2Fa.example%2Fx.csv&id=r1',
      expected: '?q=%E6%B0%91%E9%9B%84&id=r1',
    },
    { search: '?id=r1', expected: '?id=r1' },
    { search: '', expected: '' },
  ])('$search → $expected', ({ search, expected }) => {
    expect(withoutDataLink(search)).toBe(expected);
  });
});

describe('trusted hosts', () => {
  it.each([
    { entry: 'data.chiayi.gov.tw', origin: 'https://data.chiayi.gov.tw' },
    { entry: ' Data.Chiayi.gov.tw/ ', origin: 'https://data.chiayi.gov.tw' },
    { entry: 'opendata.example.org:8443', origin: 'https://opendata.example.org:8443' },
    { entry: 'https://data.example.org', origin: 'https://data.example.org' },
    { entry: 'https://data.example.org:443', origin: 'https://data.example.org' },
    { entry: 'http://10.0.0.5:8080', origin: 'http://10.0.0.5:8080' },
    { entry: '*.gov.tw', origin: null },
    { entry: 'data.example.org/files', origin: null },
    { entry: 'https://data.example.org/files/', origin: null },
    { entry: 'https://data.example.org?x=1', origin: null },
    { entry: 'user@data.example.org', origin: null },
    { entry: 'ftp://data.example.org', origin: null },
    { entry: 'javascript://data.example.org', origin: null },
    { entry: 'data example.org', origin: null },
    { entry: '', origin: null },
  ])('$entry → $origin', ({ entry, origin }) => {
    expect(trustedOrigin(entry)).toBe(origin);
  });

  const trusted = ['https://data.chiayi.gov.tw', 'http://127.0.0.1:8123'];
  it.each([
    { url: 'https://data.chiayi.gov.tw/welfare.csv', yes: true },
    { url: 'https://DATA.chiayi.gov.tw:443/a/b.csv?v=2', yes: true },
    { url: 'http://data.chiayi.gov.tw/welfare.csv', yes: false },
    { url: 'https://data.chiayi.gov.tw:8443/welfare.csv', yes: false },
    { url: 'https://evil.data.chiayi.gov.tw/welfare.csv', yes: false },
    { url: 'https://data.chiayi.gov.tw.evil.example/welfare.csv', yes: false },
    { url: 'http://127.0.0.1:8123/x.csv', yes: true },
    { url: 'http://127.0.0.1:8124/x.csv', yes: false },
    { url: 'not a url', yes: false },
  ])('$url trusted: $yes', ({ url, yes }) => {
    expect(isTrustedDataLink(url, trusted)).toBe(yes);
  });

  it('reads the manifest list, each entry once, and names every entry that is not a host', () => {
    const problems: string[] = [];
    expect(
      parseTrustedDataHosts(['data.chiayi.gov.tw', 'https://data.chiayi.gov.tw', '*.gov.tw', 7], problems),
    ).toEqual(['https://data.chiayi.gov.tw']);
    expect(problems).toEqual([
      'trustedDataHosts[2] must be a host such as data.chiayi.gov.tw (no path, no *)',
      'trustedDataHosts[3] must be a host such as data.chiayi.gov.tw (no path, no *)',
    ]);
    const notAList: string[] = [];
    expect(parseTrustedDataHosts('data.chiayi.gov.tw', notAList)).toEqual([]);
    expect(notAList).toHaveLength(1);
    expect(parseTrustedDataHosts(undefined, [])).toEqual([]);
  });

  it('is part of the manifest: none by default, a bad entry fails the manifest', () => {
    const minimal = {
      title: { zh: '地圖', en: 'Map' },
      files: [],
      categories: [],
      serviceTags: [],
      basemaps: [],
    };
    expect(parseManifest(minimal).trustedDataOrigins).toEqual([]);
    expect(
      parseManifest({ ...minimal, trustedDataHosts: ['data.chiayi.gov.tw'] }).trustedDataOrigins,
    ).toEqual(['https://data.chiayi.gov.tw']);
    expect(() => parseManifest({ ...minimal, trustedDataHosts: ['*'] })).toThrow(/trustedDataHosts\[0\]/);
  });
});

describe('the host and the limit as a person reads them', () => {
  it.each([
    { url: 'https://Data.Example.org:8443/x.csv', host: 'data.example.org:8443' },
    { url: 'not a url', host: 'not a url' },
  ])('$url → $host', ({ url, host }) => {
    expect(dataLinkHost(url)).toBe(host);
  });

  it.each([
    { bytes: DATA_LINK_MAX_BYTES, text: '20 MB' },
    { bytes: 1.5 * 1024 * 1024, text: '1.5 MB' },
    { bytes: 1000, text: '1 KB' },
  ])('$bytes bytes → $text', ({ bytes, text }) => {
    expect(formatByteLimit(bytes)).toBe(text);
  });
});
