import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/domain/files/import-kml.ts';
import { previewImport } from '../../src/domain/loading/import-file.ts';
import { sniffBinaryFormat, sniffTextFormat } from '../../src/domain/loading/import-formats.ts';
import { repoFile } from './fixture-paths.ts';
import { accountFor, importBytes, libraries } from './import-context.ts';

const kml = readFileSync(repoFile('tests', 'fixtures', 'import', 'my-maps-export.kml'));

describe('KML and KMZ (a Google My Maps export)', () => {
  it('reads every Placemark: points placed, the polygon and the one without a point need a location', () => {
    const result = importBytes(new Uint8Array(kml), { file: 'my-maps.kml', category: 'friendly-shop' });
    expect(result.format).toBe('kml');
    expect(accountFor(result)).toMatchObject({ rows: 4, sum: 4, rejected: 0 });
    const [breakfast, pharmacy, stationery, patrol] = result.resources;
    expect(breakfast).toMatchObject({
      name: '福安早餐店',
      address: '嘉義縣民雄鄉中樂路35號',
      phones: ['05-2201234'],
      category: 'friendly-shop',
      position: [23.5537, 120.4316],
      description: '營業時間：週一至週五\n06:00-11:00\n老闆 & 老闆娘',
    });
    expect(pharmacy?.position).toEqual([23.5551, 120.4288]);
    // No point, but the address names 民雄鄉: placed at its centroid.
    expect(stationery?.precision).toBe('approximate-town');
    expect(patrol?.precision).toBe('missing');
    expect(result.rows[3]?.issues.map((i) => i.code)).toContain('non-point-geometry');
    // Style properties are drawing, not data.
    expect(Object.keys(breakfast?.extra ?? {})).toEqual([]);
  });

  it('reads the same file zipped as a KMZ (doc.kml plus an icon)', () => {
    const kmz = zipSync({
      'doc.kml': new Uint8Array(kml),
      'images/icon-1.png': new Uint8Array([137, 80, 78, 71]),
    });
    expect(sniffBinaryFormat(kmz)).toBe('kmz');
    const result = importBytes(kmz, { file: 'my-maps.kmz' });
    expect(result.format).toBe('kmz');
    expect(result.resources.map((r) => r.name)).toEqual([
      '福安早餐店',
      '順發藥局',
      '大樹文具行',
      '江厝店社區巡守範圍',
    ]);
  });

  it('previews KML property names as the columns to confirm', () => {
    const preview = previewImport(new Uint8Array(kml), 'my-maps.kml', {}, libraries);
    expect(preview.headers).toEqual(['name', 'description', '地址', '電話', '類別']);
    expect(preview.detectedMapping).toMatchObject({ name: 'name', address: '地址', phone: '電話' });
  });

  it('tells formats apart by content', () => {
    expect(sniffTextFormat('\uFEFF<?xml version="1.0"?>\n<kml xmlns="x">')).toBe('kml');
    expect(sniffTextFormat('  {"type":"FeatureCollection"}')).toBe('geojson');
    expect(sniffTextFormat('<html><body>not kml</body></html>')).toBe('csv');
    expect(sniffBinaryFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('xls');
    expect(sniffBinaryFormat(new TextEncoder().encode('名稱,地址'))).toBeNull();
  });

  it('turns My Maps’ HTML descriptions into text, entities decoded, nothing executable left', () => {
    expect(htmlToText('a<br>b<br/>c &amp; d &#x263A; &#8364; <script>x</script>')).toBe('a\nb\nc & d ☺ € x');
    expect(htmlToText('&#99999999;')).toBe('&#99999999;');
  });
});
