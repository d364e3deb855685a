import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { availableColumns, type ExportContext } from '../../src/domain/files/export-columns.ts';
import { exportKml } from '../../src/domain/files/export-kml.ts';
import { kmlToGeoJsonText } from '../../src/domain/files/import-kml.ts';
import { parseXml } from '../../src/domain/files/parse-xml.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { kmlAsGeoJson } from '../../src/services/import/import-run.ts';
import { repoFile } from './fixture-paths.ts';
import { browserParseXml, importBytes } from './import-context.ts';
import { manifest } from './load-context.ts';

const ctx: ExportContext = {
  language: 'zh-TW',
  categories: manifest.categories,
  serviceTags: manifest.serviceTags,
};
const myMaps = readFileSync(repoFile('tests', 'fixtures', 'import', 'my-maps-export.kml'), 'utf8');
const chiayi = importBytes(new Uint8Array(readFileSync(repoFile('data', 'chiayi-welfare-centers.csv'))), {
  file: 'chiayi-welfare-centers.csv',
  category: 'welfare-center',
  county: '嘉義縣',
}).resources;
/** A record with text XML cannot hold (kml-exact-text.ts) and markup-like text. */
const awkward: Resource = {
  ...(chiayi[0] as Resource),
  name: '民雄\u0001<b>站</b> & "據點"',
  description: '第一行\r\n第二行\u0002\r第三行',
  // Not line ends in XML 1.0 (they are in XML 1.1): kept as they are.
  extra: { 備註: '\uFFFE</value>', 分隔: 'a\u0085b\u2028c\u2029d' },
};
const text = (s: string) => new TextEncoder().encode(s);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** KML the import worker reads with xmldom, beside what a browser's DOMParser (jsdom's) made of it before. */
const fixtures: [string, string][] = [
  ['a Google My Maps export (tests/fixtures/import/my-maps-export.kml)', myMaps],
  [
    `our own export of data/chiayi-welfare-centers.csv (${chiayi.length} records)`,
    exportKml(chiayi, availableColumns(chiayi), ctx, '匯出'),
  ],
  [
    'our own export of a record with text XML cannot hold',
    exportKml([awkward], availableColumns([awkward]), ctx, '匯出'),
  ],
];

describe('KML in the import worker: xmldom reads it as the browser did', () => {
  it.each(fixtures)('%s: the same GeoJSON as with a browser DOMParser', (_, kml) => {
    const inWorker = kmlToGeoJsonText(kml, parseXml);
    expect(inWorker).toBe(kmlToGeoJsonText(kml, browserParseXml));
    expect(JSON.parse(inWorker).features.length).toBeGreaterThan(0);
  });

  it('turns a KML file and the same KML zipped as a KMZ into GeoJSON bytes, with the format it had', async () => {
    const expected = kmlToGeoJsonText(myMaps, browserParseXml);
    const kml = await kmlAsGeoJson(text(myMaps));
    expect(kml?.format).toBe('kml');
    expect(decode(kml?.bytes ?? new Uint8Array())).toBe(expected);
    const kmz = await kmlAsGeoJson(zipSync({ 'doc.kml': text(myMaps) }));
    expect(kmz?.format).toBe('kmz');
    expect(decode(kmz?.bytes ?? new Uint8Array())).toBe(expected);
  });

  it('leaves every other file to the rest of the chain (null)', async () => {
    expect(await kmlAsGeoJson(text('名稱,地址\n甲,嘉義縣民雄鄉\n'))).toBeNull();
    expect(await kmlAsGeoJson(text('{"type":"FeatureCollection","features":[]}'))).toBeNull();
  });

  it.each([
    ['Data', '<ExtendedData><Data name="__proto__"><value>=1+1</value></Data></ExtendedData>'],
    [
      'SimpleData',
      '<ExtendedData><SchemaData><SimpleData name="__proto__">=1+1</SimpleData></SchemaData></ExtendedData>',
    ],
  ])('keeps a %s field named "__proto__" as a field (not the object’s prototype)', (_, extended) => {
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>甲</name>${extended}<Point><coordinates>120.43,23.55</coordinates></Point></Placemark></kml>`;
    const properties = JSON.parse(kmlToGeoJsonText(kml, parseXml)).features[0].properties;
    expect(Object.hasOwn(properties, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(properties, '__proto__')?.value).toBe('=1+1');
  });

  it('keeps character references and the five predefined entities', () => {
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&amp;&lt;&gt;&quot;&apos;&#x263A;&#8364;</name></Placemark></kml>`;
    expect(JSON.parse(kmlToGeoJsonText(kml, parseXml)).features[0].properties.name).toBe('&<>"\'☺€');
  });
});

const placemark = (body: string) =>
  `<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>${body}</name><Point><coordinates>120.43,23.55</coordinates></Point></Placemark></kml>`;
const laughs = (levels: number) => {
  const entities = ['<!ENTITY l0 "lol">'];
  for (let i = 1; i <= levels; i++) entities.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?><!DOCTYPE kml [${entities.join('')}]>${placemark(`&l${levels};`)}`;
};

/** Hostile KML: each is refused as not KML, nothing is fetched or read from disk, nothing grows. */
const hostile: [string, string][] = [
  [
    'XXE: an external entity naming a local file',
    `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${placemark('&xxe;')}`,
  ],
  [
    'XXE: an external entity naming a URL',
    `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]>${placemark('&xxe;')}`,
  ],
  [
    'XXE: an external parameter entity',
    `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>${placemark('&e;')}`,
  ],
  ['billion laughs (10⁹ "lol"s from nine nested entities)', laughs(9)],
  [
    'quadratic blow-up (a 2 KB entity referenced 500,000 times: 1 GB)',
    `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "${'a'.repeat(2_000)}">]>${placemark('&a;'.repeat(500_000))}`,
  ],
  ['an HTML entity XML does not define', placemark('&nbsp;')],
  ['tags that do not match', '<kml><Placemark><name>x</Placemark></name></kml>'],
  ['an unclosed document', '<kml><Placemark><name>x'],
];

describe('hostile KML in the import worker (xmldom)', () => {
  it.each(hostile)('%s: refused as not KML, at once', async (_, kml) => {
    const start = performance.now();
    await expect(kmlAsGeoJson(text(kml))).rejects.toThrow('not KML');
    expect(() => kmlToGeoJsonText(kml, parseXml)).toThrow('not KML');
    expect(performance.now() - start).toBeLessThan(2_000);
    // The whole chain reports the file as unreadable; nothing is imported.
    const result = importBytes(text(kml), { file: 'hostile.kml' });
    expect(result.resources).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.value])).toEqual([['file-unreadable', 'not KML']]);
  });

  it('a DOCTYPE without entities is read (nothing in it is loaded)', () => {
    const kml = `<?xml version="1.0"?><!DOCTYPE kml SYSTEM "http://127.0.0.1:9/kml.dtd">${placemark('民雄')}`;
    expect(JSON.parse(kmlToGeoJsonText(kml, parseXml)).features[0].properties.name).toBe('民雄');
  });
});
