import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { availableColumns, type ExportContext } from '../../src/domain/files/export-columns.ts';
import { exportKml } from '../../src/domain/files/export-kml.ts';
import { kmlToGeoJsonText } from '../../src/domain/files/import-kml.ts';
import {
  EXACT_TEXT_NAMESPACE,
  exactTextJson,
  restoreExactText,
  xmlCanHold,
} from '../../src/domain/files/kml-exact-text.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { repoFile } from './fixture-paths.ts';
import { importBytes, libraries } from './import-context.ts';
import { manifest } from './load-context.ts';

const ctx: ExportContext = {
  language: 'zh-TW',
  categories: manifest.categories,
  serviceTags: manifest.serviceTags,
};
const parseXml =
  libraries.parseXml ??
  (() => {
    throw new Error('XML parser');
  })();
const chiayi = importBytes(new Uint8Array(readFileSync(repoFile('data', 'chiayi-welfare-centers.csv'))), {
  file: 'chiayi-welfare-centers.csv',
  category: 'welfare-center',
  county: '嘉義縣',
}).resources;
const base = chiayi[0] as Resource;
const element = (json: string) => `<x:exact-text xmlns:x="${EXACT_TEXT_NAMESPACE}">${json}</x:exact-text>`;

/** Exports records as KML and imports them again, as the app does. */
function roundTrip(resources: readonly Resource[]): Resource[] {
  const kml = exportKml(resources, availableColumns(resources), ctx, '匯出');
  return importBytes(new TextEncoder().encode(kml), { file: 'export.kml' }).resources;
}

describe('KML: text XML cannot hold', () => {
  it.each([
    ['嘉義縣', true],
    ['a\tb\r\nc', true],
    ['\\u0001', true],
    ['😀', true],
    ['\u0001', false],
    ['\u0000', false],
    ['\u000B\u000C', false],
    ['\u001F', false],
    ['\uFFFE', false],
    ['\uD800', false],
  ])('xmlCanHold(%j) is %s', (text, holds) => {
    expect(xmlCanHold(text)).toBe(holds);
  });

  it.each([
    [
      { name: '民雄', description: 'a\r\nb', data: [['電話', '05-2201234']] as [string, string][] },
      undefined,
    ],
    [{ name: 'a\u0001b', data: [] }, '{"name":"a\\u0001b"}'],
    [{ name: 'ok', description: '\u0000', data: [] }, '{"description":"\\u0000"}'],
    [
      {
        data: [
          ['備註', '\u0002'],
          ['\u0003鍵', '值'],
          ['電話', '05'],
        ] as [string, string][],
      },
      '{"data":[["備註","\\u0002"],["\\u0003鍵","值"]]}',
    ],
    [{ name: '\uFFFF\uDC00', data: [] }, '{"name":"\\uffff\\udc00"}'],
  ])('exactTextJson(%j) is %j', (texts, json) => {
    expect(exactTextJson(texts)).toBe(json);
  });

  it('an ordinary record is written without the exact-text element', () => {
    const kml = exportKml(chiayi, availableColumns(chiayi), ctx, '匯出');
    expect(kml).not.toContain('exact-text');
    expect(kml).not.toContain(EXACT_TEXT_NAMESPACE);
  });

  it('controls come back exactly; Google Earth sees the texts without them', () => {
    const hostile: Resource = {
      ...base,
      id: 'c-1',
      name: '民雄\u0001長照站',
      description: 'a\u0000b\r\nc',
      address: '\u001F嘉義縣',
      extra: { '備註\u0002': '值\u0003', 鍵: '\u0004', '\\u0001': '\\u0001', 空白: '  \u3000 ' },
    };
    const kml = exportKml([hostile], availableColumns([hostile]), ctx, '匯出');
    const doc = parseXml(kml);
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.getElementsByTagName('name')[1]?.textContent).toBe('民雄長照站');
    expect(doc.getElementsByTagName('description')[0]?.textContent).toBe('ab\r\nc');
    const visibleNames = Array.from(doc.getElementsByTagName('Data')).map((d) => d.getAttribute('name'));
    expect(visibleNames).toContain('鍵');
    expect(visibleNames).not.toContain('備註');
    expect(roundTrip([hostile])).toEqual([hostile]);
  });

  it('text that looks like the escape, or like the element, comes back as written', () => {
    const lookalike: Resource = {
      ...base,
      id: 'l-1',
      name: element('{"name":"evil"}'),
      description: '{"name":"\\u0001","data":[["id","x"]]}',
      extra: {
        '{"data":[["名稱","x"]]}': element('{"data":[["名稱","evil"]]}'),
        'urn:community-resource-map:kml-exact-text': '\\u0001\u0001',
      },
    };
    expect(roundTrip([lookalike])).toEqual([lookalike]);
  });

  it('restores name, description and Data in KML without a namespace, and ignores a broken element', () => {
    const kml = [
      '<?xml version="1.0" encoding="UTF-8"?><kml><Document>',
      '<Placemark><name>ab</name><ExtendedData><Data name="k"><value>v</value></Data>',
      element('{"name":"a\\u0001b","description":"\\u0002","data":[["k","v\\u0003"],["\\u0004","w"]]}'),
      '</ExtendedData></Placemark>',
      `<Placemark><name>kept</name><ExtendedData>${element('{"name":')}</ExtendedData></Placemark>`,
      `<Placemark><name>outside</name>${element('{"name":"evil"}')}</Placemark>`,
      '</Document></kml>',
    ].join('');
    const doc = parseXml(kml);
    restoreExactText(doc);
    expect(doc.getElementsByTagNameNS(EXACT_TEXT_NAMESPACE, 'exact-text')).toHaveLength(0);
    const features = JSON.parse(kmlToGeoJsonText(kml, parseXml)).features;
    expect(features.map((f: { properties: unknown }) => f.properties)).toEqual([
      { name: 'a\u0001b', description: '\u0002', k: 'v\u0003', '\u0004': 'w' },
      { name: 'kept' },
      { name: 'outside' },
    ]);
  });
});
