import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/domain/loading/decode-bytes.ts';
import {
  detectFormat,
  type LoadedFile,
  loadFile,
  mergeLoadedFiles,
} from '../../src/domain/loading/load-file.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { countIssuesByCode } from '../../src/domain/model/load-issues.ts';
import { readBytes, repoFile, sharedDataFile } from './fixture-paths.ts';
import { contextFor, gazetteer, loadPath, loadText, manifest, rowAccounting } from './load-context.ts';
import { utf16Bytes } from './utf16-bytes.ts';

const csvRows = (path: string) => parseDelimitedText(decodeBytes(readBytes(path)).text);
const issuesWith = (loaded: LoadedFile, code: string) => loaded.issues.filter((i) => i.code === code);
const MULTI_ADDRESS = /[;；、\n]/;

describe('Taipei community care points (UTF-8, CRLF, lat/lon columns)', () => {
  const path = sharedDataFile('taipei-community-care-points.csv');
  const table = csvRows(path);
  const loaded = loadPath(path, { file: 'taipei.csv', category: 'care-point' });

  it('turns all 505 data rows into exactly placed resources, in file order, at their own coordinates', () => {
    expect(table.rows).toHaveLength(505);
    expect(loaded).toMatchObject({ format: 'csv', encoding: 'utf-8', rowCount: 505 });
    expect(loaded.resources).toHaveLength(505);
    expect(loaded.resources.every((r) => r.precision === 'exact')).toBe(true);
    expect(loaded.resources.map((r) => [r.name, ...(r.position ?? [])])).toEqual(
      table.rows.map((row) => [row[3]?.trim(), Number(row[7]), Number(row[8])]),
    );
    expect(loaded.resources[0]).toMatchObject({
      name: '台灣健康社區自主發展協會',
      category: 'care-point',
      county: '臺北市',
      town: '士林區',
      village: '三玉里',
      position: [25.1092589, 121.5322353],
      phones: ['02-28369493'],
      extra: { 序號: '1', 據點類型: '社區照顧關懷據點 10個時段' },
    });
  });

  it('reports every cell holding several addresses (the README counts 75), located by the first', () => {
    const multi = issuesWith(loaded, 'multiple-addresses');
    const expectedRows = table.rows.flatMap((row, i) =>
      MULTI_ADDRESS.test(row[5] ?? '') ? [table.lineNumbers[i]] : [],
    );
    expect(multi).toHaveLength(75);
    expect(multi.map((i) => i.row)).toEqual(expectedRows);
    expect(multi.every((i) => i.severity === 'info' && i.column === '據點地址')).toBe(true);
    expect(multi[0]).toMatchObject({ row: 18, value: expect.stringContaining('、臺北市 士林區') });
    expect(countIssuesByCode(loaded.issues)).toEqual({ 'multiple-addresses': 75 });
  });

  it('writes the county as 臺北市 even where the address says 台北市', () => {
    const tai = loaded.resources.filter((r) => r.address.startsWith('台北市'));
    expect(tai).toHaveLength(2);
    expect(tai.map((r) => r.county)).toEqual(['臺北市', '臺北市']);
    // Two addresses name no county at all; without a file default their county stays unknown.
    expect(
      loaded.resources.filter((r) => r.county !== '臺北市').map((r) => [r.county, r.town, r.address]),
    ).toEqual([
      ['', '大安區', '復興南路2段148巷24號'],
      ['', '中山區', '復興北路430巷1號'],
    ]);
    const withDefault = loadPath(path, { file: 'taipei.csv', category: 'care-point', county: '台北市' });
    expect(new Set(withDefault.resources.map((r) => r.county))).toEqual(new Set(['臺北市']));
  });

  it('takes the town from the 行政區 column, also where the address writes 大安区', () => {
    expect(loaded.resources.map((r) => r.town)).toEqual(table.rows.map((row) => row[1]));
    expect(loaded.resources.find((r) => r.address.includes('大安区'))?.town).toBe('大安區');
  });

  it('gives each care point its own stable id', () => {
    const ids = loaded.resources.map((r) => r.id);
    expect(new Set(ids).size).toBe(505);
    expect(loadPath(path, { file: 'taipei.csv', category: 'care-point' }).resources.map((r) => r.id)).toEqual(
      ids,
    );
  });
});

describe('Taipei community care points saved by Excel as "Unicode text" (UTF-16, tab-separated)', () => {
  const path = sharedDataFile('taipei-community-care-points.csv');
  const table = csvRows(path);
  // Excel writes tabs between cells, CRLF line ends, and quotes only cells holding a tab, a quote or a line break.
  const excelText = Papa.unparse(
    { fields: [...table.headers], data: table.rows.map((r) => [...r]) },
    {
      delimiter: '\t',
      newline: '\r\n',
    },
  );
  const original = loadPath(path, { file: 'taipei.txt', category: 'care-point' });

  it.each([
    { order: 'le', bom: true, encoding: 'utf-16le' },
    { order: 'be', bom: true, encoding: 'utf-16be' },
    { order: 'le', bom: false, encoding: 'utf-16le' },
    { order: 'be', bom: false, encoding: 'utf-16be' },
  ] as const)(
    '$encoding (BOM: $bom) loads the same records and notes as the UTF-8 file',
    ({ order, bom, encoding }) => {
      expect(excelText).toContain('\t');
      const loaded = loadFile(
        utf16Bytes(excelText, order, bom),
        contextFor({ file: 'taipei.txt', category: 'care-point' }),
      );
      expect(loaded).toMatchObject({ format: 'csv', encoding, rowCount: 505 });
      expect(loaded.resources).toHaveLength(505);
      expect(loaded.resources).toEqual(original.resources);
      expect(loaded.issues).toEqual(original.issues);
    },
  );
});

describe('Tainan building committees CSV (BOM, CRLF, address-only, ROC dates, Excel markers)', () => {
  const path = sharedDataFile('tainan-building-committees.csv');
  const text = decodeBytes(readBytes(path)).text;
  const dataLines = text.split('\r\n').filter((line) => line.trim() !== '').length - 1;
  const loaded = loadPath(path, { file: 'tainan.csv', county: '臺南市' });

  it('places every row approximately at its 臺南市 township when the file default county is 臺南市', () => {
    expect(dataLines).toBe(2919);
    expect(loaded.rowCount).toBe(2919);
    expect(loaded.resources).toHaveLength(2919);
    expect(loaded.resources.every((r) => r.precision === 'approximate-town' && r.county === '臺南市')).toBe(
      true,
    );
    for (const r of loaded.resources) {
      expect(r.position).toEqual(gazetteer.find('臺南市', r.town)?.centroid);
    }
    expect(issuesWith(loaded, 'approximate-location')).toHaveLength(2919);
    expect(issuesWith(loaded, 'missing-location')).toEqual([]);
  });

  it('finds the township at the start of each address, also doubled (中西區中西區…)', () => {
    for (const r of loaded.resources) expect(r.address.replace(/^臺南市/, '').startsWith(r.town)).toBe(true);
    expect(loaded.resources.find((r) => r.address.startsWith('中西區中西區'))?.town).toBe('中西區');
  });

  it('without a default county, infers 臺南市 from the districts of one county only and places every row there', () => {
    const bare = loadPath(path, { file: 'tainan.csv' });
    const ambiguous = (town: string) => gazetteer.findByTown(town).length > 1;
    expect(bare.resources).toHaveLength(2919);
    expect(bare.resources.filter((r) => r.county !== '臺南市')).toEqual([]);
    expect(issuesWith(bare, 'county-inferred').map((i) => [i.value, i.row])).toEqual([['臺南市', undefined]]);
    // 東區, 南區, 北區 exist in several counties: they took the county the rest of the file points to, with a note.
    const fromFile = issuesWith(bare, 'county-from-file');
    expect(fromFile.length).toBe(bare.resources.filter((r) => ambiguous(r.town)).length);
    expect(fromFile.length).toBeGreaterThan(1000);
    // The same townships as with the county chosen by hand.
    expect(bare.resources.map((r) => `${r.county}${r.town}`)).toEqual(
      loaded.resources.map((r) => `${r.county}${r.town}`),
    );
    expect(issuesWith(bare, 'missing-location').length).toBe(issuesWith(loaded, 'missing-location').length);
  });

  it('drops the Excel text marker and keeps ROC dates as written in extra', () => {
    expect(loaded.resources[0]).toMatchObject({
      id: '1',
      name: '湖美名園NO.6社區',
      extra: { 成立核准文號: '0943201436', 成立核准日期: '//', 使用執照: '(094)南工使字第01424號' },
    });
    expect(loaded.resources.some((r) => r.extra.成立核准日期 === '077/11/29')).toBe(true);
    expect(loaded.resources.filter((r) => Object.values(r.extra).some((v) => v.startsWith("'")))).toEqual([]);
  });

  it('reports rows without a name or township, and loses none', () => {
    const lines = text.split('\r\n');
    const cut = [
      ...lines.slice(0, 4),
      "9001,'0999,//,,北區公園路1號,1,1,0,",
      "9002,'0999,//,無地址社區,公園路1號,1,1,0,",
      "9003,'0999,//,   ,,1,1,0,",
    ].join('\r\n');
    const small = loadText(cut, { file: 'cut.csv', county: '臺南市' });
    expect(small.rowCount).toBe(6);
    expect(small.resources.map((r) => r.name)).toEqual([
      '湖美名園NO.6社區',
      '太子紐約57街B區社區',
      '皇龍敦品公寓大廈',
      '無地址社區',
    ]);
    expect(small.issues.filter((i) => i.severity !== 'info').map((i) => [i.row, i.code, i.severity])).toEqual(
      [
        [5, 'missing-name', 'error'],
        [6, 'missing-location', 'warning'],
        [7, 'missing-name', 'error'],
      ],
    );
    expect(small.resources.find((r) => r.name === '無地址社區')).toMatchObject({
      position: null,
      precision: 'missing',
    });
  });

  it('keeps repeated ids apart when merged, with a warning for each', () => {
    const merged = mergeLoadedFiles([loaded]);
    expect(new Set(merged.resources.map((r) => r.id)).size).toBe(2919);
    expect(merged.issues.filter((i) => i.code === 'duplicate-id')).toHaveLength(12);
  });
});

describe('Tainan building committees GeoJSON ([lng, lat] points)', () => {
  const path = sharedDataFile('tainan-building-committees.geojson');
  const features: { properties: { id: string }; geometry: { coordinates: [number, number] } }[] = JSON.parse(
    readFileSync(path, 'utf8'),
  ).features;
  const loaded = loadPath(path, { file: 'tainan.geojson', county: '臺南市' });

  it('turns all 2,869 features into exactly placed resources', () => {
    expect(features).toHaveLength(2869);
    expect(loaded).toMatchObject({ format: 'geojson', encoding: 'utf-8', rowCount: 2869 });
    expect(loaded.resources).toHaveLength(2869);
    expect(loaded.resources.every((r) => r.precision === 'exact')).toBe(true);
    expect(countIssuesByCode(loaded.issues)).toEqual({ 'multiple-addresses': 7 });
  });

  it('reads [lng, lat] as written: the first feature lies at 23.005153 N, 120.188443 E', () => {
    const [lat, lng] = loaded.resources[0]?.position ?? [];
    expect(lat).toBeCloseTo(23.005153, 6);
    expect(lng).toBeCloseTo(120.188443, 6);
    expect(loaded.resources.map((r) => r.position)).toEqual(
      features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]),
    );
  });

  it('matches the CSV record for record where both have the row (49 CSV ids have no point)', () => {
    const csv = loadPath(sharedDataFile('tainan-building-committees.csv'), {
      file: 'tainan.csv',
      county: '臺南市',
    });
    const pointIds = new Set(loaded.resources.map((r) => r.id));
    expect(new Set(csv.resources.filter((r) => !pointIds.has(r.id)).map((r) => r.id)).size).toBe(49);
    const first = csv.resources[0];
    expect(loaded.resources[0]).toMatchObject({
      id: first?.id,
      name: first?.name,
      town: first?.town,
      extra: { 成立核准文號: first?.extra.成立核准文號 },
    });
  });
});

describe('Tainan area population (Big5, two header rows, trailing commas, no names)', () => {
  const path = sharedDataFile('tainan-area-population-big5.csv');
  const loaded = loadPath(path, { file: 'population.csv' });

  it('decodes Big5, reports the English header row and the missing name column, and loads nothing', () => {
    expect(loaded).toMatchObject({ format: 'csv', encoding: 'big5', rowCount: 54, resources: [] });
    expect(loaded.issues).toEqual([
      { code: 'second-header-row', severity: 'info', file: 'population.csv', row: 2 },
      {
        code: 'no-name-column',
        severity: 'error',
        file: 'population.csv',
        value: '統計期或資料時間, 縣市代碼, 縣市名稱, 鄉鎮市區代碼, 鄉鎮市區名稱, 戶數, 人口數, ',
      },
    ]);
  });

  it('loads once a name column is there', () => {
    const text = decodeBytes(readBytes(path)).text.replace('鄉鎮市區名稱', '名稱');
    const renamed = loadText(text, { file: 'population.csv', county: '臺南市' });
    expect(renamed.resources).toHaveLength(54);
    expect(renamed.resources[0]).toMatchObject({
      name: '東區',
      county: '臺南市',
      extra: { 人口數: '194307' },
    });
  });
});

describe('HSDS sample (Open Referral, English, multi-line cells)', () => {
  const hsds = (name: string) => loadPath(sharedDataFile('hsds-sample', name), { file: name });

  it('loads all 10 locations; the one with coordinates lies outside Taiwan and is reported', () => {
    const loaded = hsds('locations.csv');
    expect(loaded.rowCount).toBe(10);
    expect(loaded.resources).toHaveLength(10);
    expect(loaded.resources.every((r) => r.precision === 'missing' && r.position === null)).toBe(true);
    expect(issuesWith(loaded, 'coordinates-outside-taiwan')).toEqual([
      {
        code: 'coordinates-outside-taiwan',
        severity: 'warning',
        file: 'locations.csv',
        row: 3,
        column: 'latitude',
        value: '39.428192, -119.897426',
      },
    ]);
    expect(issuesWith(loaded, 'missing-location')).toHaveLength(10);
    expect(loaded.resources[1]).toMatchObject({
      id: '30b83ee0-64a1-11e6-8b77-86f30ca893d3',
      name: '4830 Highland Drive',
      description: 'This call center is not open to the public.',
      extra: { organization_id: '18996320-649c-11e6-8b77-86f30ca893d3' },
    });
  });

  it('keeps multi-line descriptions whole in organizations.csv', () => {
    const loaded = hsds('organizations.csv');
    expect(loaded.resources).toHaveLength(10);
    expect(loaded.resources.find((r) => r.name === 'Example City Silvers')?.description).toContain(
      '<li>Cleaning</li>',
    );
    expect(issuesWith(loaded, 'invalid-website')).toEqual([]);
  });

  it.each(['phones.csv', 'services_at_location.csv', 'metadata.csv'])(
    'reports %s as having no name column',
    (name) => {
      const loaded = hsds(name);
      expect(loaded.resources).toEqual([]);
      expect(loaded.issues.map((i) => i.code)).toEqual(['no-name-column']);
    },
  );
});

describe('every file: each data row is a resource or an error with its row number', () => {
  const shared = [
    'taipei-community-care-points.csv',
    'tainan-building-committees.csv',
    'tainan-area-population-big5.csv',
    'hsds-sample/locations.csv',
    'hsds-sample/organizations.csv',
    'hsds-sample/services.csv',
    'hsds-sample/phones.csv',
    'hsds-sample/metadata.csv',
    'hsds-sample/services_at_location.csv',
  ].map((name) => ({ name, path: sharedDataFile(name) }));
  const embedded = manifest.files
    .filter((f) => f.path.endsWith('.csv'))
    .map((f) => ({ name: f.path, path: repoFile('data', f.path) }));

  it.each([...shared, ...embedded])('$name', ({ name, path }) => {
    const loaded = loadPath(path, { file: name, county: name.startsWith('tainan') ? '臺南市' : undefined });
    const table = csvRows(path);
    const second = loaded.issues.find((i) => i.code === 'second-header-row')?.row;
    const dataRows = table.lineNumbers.filter((line) => line !== second);
    expect(rowAccounting(loaded, dataRows)).toEqual({
      accounted: true,
      rowCount: dataRows.length,
      dataRows: dataRows.length,
      strayErrorRows: [],
    });
  });

  it.each([
    {
      name: 'tainan-building-committees.geojson',
      path: sharedDataFile('tainan-building-committees.geojson'),
    },
    ...manifest.files
      .filter((f) => f.path.endsWith('.geojson'))
      .map((f) => ({ name: f.path, path: repoFile('data', f.path) })),
  ])('$name', ({ name, path }) => {
    const loaded = loadPath(path, { file: name });
    const features = (JSON.parse(readFileSync(path, 'utf8')) as { features: unknown[] }).features;
    const dataRows = features.map((_, i) => i + 1);
    expect(rowAccounting(loaded, dataRows)).toMatchObject({
      accounted: true,
      rowCount: features.length,
      strayErrorRows: [],
    });
  });

  it('holds for rows rejected in the middle of a file', () => {
    const loaded = loadText('名稱,地址\n甲,嘉義縣民雄鄉\n,嘉義縣\n"",x\n乙,\n\n丙,"多行\n地址"\n,\n');
    expect(rowAccounting(loaded, [2, 3, 4, 5, 7])).toEqual({
      accounted: true,
      rowCount: 5,
      dataRows: 5,
      strayErrorRows: [],
    });
    expect(loaded.issues.filter((i) => i.severity === 'error').map((i) => i.row)).toEqual([3, 4]);
  });

  it('holds for malformed GeoJSON features', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        null,
        { type: 'Feature', properties: { name: '甲' }, geometry: null },
        7,
        { type: 'Feature' },
      ],
    });
    const loaded = loadText(text, { file: 'bad.geojson' });
    expect(loaded.resources.map((r) => r.name)).toEqual(['甲']);
    expect(rowAccounting(loaded, [1, 2, 3, 4])).toMatchObject({ accounted: true, strayErrorRows: [] });
  });
});

describe('loadFile: file-level outcomes', () => {
  it.each([
    { case: 'empty', text: '', codes: ['file-empty'] },
    { case: 'blank lines', text: '\r\n\r\n', codes: ['file-empty'] },
    { case: 'header only', text: '名稱,地址\r\n', codes: ['file-empty'] },
    {
      case: 'header and English header only',
      text: '名稱,地址\nName,Address\n',
      codes: ['second-header-row', 'file-empty'],
    },
    { case: 'no name column', text: '地址\n嘉義縣\n', codes: ['no-name-column'] },
    { case: 'broken JSON', text: '{"type":', codes: ['file-unreadable'] },
    { case: 'JSON that is not GeoJSON', text: '{"a":1}', codes: ['file-unreadable'] },
    {
      case: 'empty FeatureCollection',
      text: '{"type":"FeatureCollection","features":[]}',
      codes: ['file-empty'],
    },
  ])('$case → $codes', ({ text, codes }) => {
    const loaded = loadText(text);
    expect(loaded.resources).toEqual([]);
    expect(loaded.issues.map((i) => i.code)).toEqual(codes);
  });

  it.each([
    { text: '{"type":"FeatureCollection"}', format: 'geojson' },
    { text: '\uFEFF  \n{"type":"Feature"}', format: 'geojson' },
    { text: '名稱,地址', format: 'csv' },
    { text: '', format: 'csv' },
    { text: '"{",x', format: 'csv' },
  ])('detects $format from the content: $text', ({ text, format }) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('reads a UTF-8 BOM GeoJSON file', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode('{"type":"Feature","properties":{"name":"甲"}}'),
    ]);
    const loaded = loadFile(bytes, contextFor({ file: 'bom.geojson' }));
    expect(loaded.format).toBe('geojson');
    expect(loaded.resources.map((r) => r.name)).toEqual(['甲']);
  });

  it('loads a GeoJSON feature by its filled-in 名稱 when an empty name property comes first', () => {
    const feature = (properties: object) => ({
      type: 'Feature',
      properties,
      geometry: { type: 'Point', coordinates: [120.44, 23.56] },
    });
    const loaded = loadText(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          feature({ name: '', 名稱: '民雄關懷據點' }),
          feature({ name: 'Minxiong', 名稱: '民雄' }),
          feature({ name: '', 名稱: '' }),
        ],
      }),
      { file: 'names.geojson' },
    );
    expect(loaded.resources.map((r) => [r.name, r.extra])).toEqual([
      ['民雄關懷據點', {}],
      ['Minxiong', { 名稱: '民雄' }],
    ]);
    expect(loaded.issues.map((i) => [i.code, i.row, i.column])).toEqual([['missing-name', 3, 'name']]);
  });

  it('honours an explicit encoding', () => {
    const path = sharedDataFile('tainan-area-population-big5.csv');
    expect(loadFile(readBytes(path), contextFor({ file: 'p.csv' }), 'big5').encoding).toBe('big5');
    const forced = loadFile(readBytes(path), contextFor({ file: 'p.csv' }), 'utf-8');
    expect(forced.encoding).toBe('utf-8');
    expect(forced.issues.map((i) => i.code)).toContain('no-name-column');
  });
});

describe('mergeLoadedFiles', () => {
  it('keeps every resource and makes repeated ids unique, with a warning each', () => {
    const a = loadText('編號,名稱\nx,甲\nx,乙\nx-2,丙\n', { file: 'a.csv' });
    const b = loadText('編號,名稱\nx,丁\n', { file: 'b.csv' });
    const merged = mergeLoadedFiles([a, b]);
    expect(merged.resources.map((r) => [r.id, r.name])).toEqual([
      ['x', '甲'],
      ['x-2', '乙'],
      ['x-2-2', '丙'],
      ['x-3', '丁'],
    ]);
    expect(merged.issues.filter((i) => i.code === 'duplicate-id').map((i) => [i.file, i.value])).toEqual([
      ['a.csv', 'x'],
      ['a.csv', 'x-2'],
      ['b.csv', 'x'],
    ]);
  });
});
