import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../src/domain/analysis/coverage.ts';
import { buildInventory } from '../../src/domain/analysis/inventory.ts';
import { coverageGapsToCsv } from '../../src/domain/files/coverage-csv.ts';
import { availableColumns, type ExportContext } from '../../src/domain/files/export-columns.ts';
import { exportCsv } from '../../src/domain/files/export-csv.ts';
import { exportHsdsPackage } from '../../src/domain/files/export-hsds.ts';
import { guardFormula, unguardFormula } from '../../src/domain/files/formula-guard.ts';
import { importReportCsv } from '../../src/domain/files/import-report-csv.ts';
import { inventoryToCsv } from '../../src/domain/files/inventory-csv.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import { loadIssue } from '../../src/domain/model/load-issues.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { EMPTY_WORKSHOP, workshopRows } from '../../src/domain/workshop/workshop-doc.ts';
import { workshopToCsv } from '../../src/domain/workshop/workshop-export.ts';
import { repoFile } from './fixture-paths.ts';
import { importBytes } from './import-context.ts';
import { manifest } from './load-context.ts';

/** Every way a cell can start a formula in Excel or LibreOffice (the issue's leading-space and full-width cases). */
const FORMULAS = [
  '=1+1',
  ' =1+1',
  '   =HYPERLINK("http://evil.example","x")',
  '\u3000=1+1',
  '\u00A0+1',
  '＝1+1',
  '＋1+1',
  '－1+1',
  '＠SUM(A1)',
  ' ＝1',
  '+886 5 2201234',
  '-2+3',
  '@SUM(1+1)',
  '\t=1',
  '\r=1',
  '\n=1',
  "'leading quote",
];

/** What a spreadsheet would evaluate: a formula sign after blanks, or a hidden leading tab/CR/LF. */
const DANGEROUS = /^(?:[\s\u00A0\u3000\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n])/;

describe('guardFormula: the one guard', () => {
  it.each(FORMULAS)('guards %j and reads it back unchanged', (cell) => {
    expect(guardFormula(cell)).toBe(`'${cell}`);
    expect(unguardFormula(guardFormula(cell))).toBe(cell);
  });

  it.each(['民雄 = 好', '05-2201234', '(05)220-7017', '嘉義縣', '', '1+1'])('leaves %j as it is', (cell) => {
    expect(guardFormula(cell)).toBe(cell);
  });
});

const ctx: ExportContext = {
  language: 'zh-TW',
  categories: manifest.categories,
  serviceTags: manifest.serviceTags,
};
const chiayi = importBytes(new Uint8Array(readFileSync(repoFile('data', 'chiayi-welfare-centers.csv'))), {
  file: 'chiayi-welfare-centers.csv',
  category: 'welfare-center',
  county: '嘉義縣',
}).resources;
const base = chiayi[0] as Resource;
/** One record per formula, the formula in every text field an export writes (town and county too). */
const hostile: Resource[] = FORMULAS.map((f, i) => ({
  ...base,
  id: `hostile-${i}`,
  name: f,
  county: f,
  town: f,
  address: f,
  description: f,
  phones: [f],
  source: f,
  extra: { [f]: f, 備註: f },
}));

/** Every cell of every CSV that an export writes. */
function cellsOf(csv: string): string[] {
  const table = parseDelimitedText(csv.replace(/^\uFEFF/, ''));
  return [...table.headers, ...table.rows.flat()];
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

const EXPORTS: [string, () => string[]][] = [
  ['CSV export', () => [decode(exportCsv(hostile, availableColumns(hostile), ctx))]],
  [
    'HSDS package (every CSV in it)',
    () =>
      Object.entries(unzipSync(exportHsdsPackage(hostile, ctx, '=title')))
        .filter(([name]) => name.endsWith('.csv'))
        .map(([, bytes]) => strFromU8(bytes)),
  ],
  [
    'import report',
    () => [
      decode(
        importReportCsv(
          FORMULAS.map((f, i) => ({
            row: i + 2,
            outcome: 'imported' as const,
            name: f,
            resourceId: f,
            issues: [loadIssue('invalid-date', 'x.csv', { value: f })],
          })),
          {
            headers: { row: '列', outcome: '結果', name: '名稱', id: '識別碼', details: '說明' },
            outcome: (o) => o,
            issue: (issue) => issue.value ?? '',
          },
        ),
      ),
    ],
  ],
  [
    'workshop file',
    () => {
      const doc = { ...EMPTY_WORKSHOP, additions: hostile };
      return [
        workshopToCsv(
          workshopRows(doc, () => undefined),
          ctx,
        ),
      ];
    },
  ],
  [
    'inventory (imported 鄉鎮市區 values)',
    () => {
      const inventory = buildInventory(
        hostile,
        hostile.map((_, i) => i),
        ['welfare-center'],
        { gazetteer: null, county: '', town: '' },
      );
      return [
        inventoryToCsv(inventory, inventory.rows, {
          category: (id) => id,
          county: '縣市',
          town: '鄉鎮市區',
          total: '合計',
          unknownTown: '未知',
        }),
      ];
    },
  ],
  [
    'coverage gaps (village names, nearest resources)',
    () => {
      // Each village 5.5 km north of its own hostile resource, 55 km apart: every formula is a nearest name.
      const at = (i: number, north: number) => toLatLng(23 + i * 0.5 + north, 120.5);
      const providers = hostile.map((r, i) => ({ ...r, position: at(i, 0) }));
      const targets = FORMULAS.map((f, i) => ({ county: f, town: f, village: f, position: at(i, 0.05) }));
      const coverage = computeCoverage(
        providers,
        providers.map((_, i) => i),
        targets,
        1000,
      );
      expect(coverage.uncovered.map((u) => u.nearest).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
        FORMULAS.map((_, i) => i),
      );
      return [
        coverageGapsToCsv(coverage, providers, {
          county: '縣市',
          town: '鄉鎮',
          village: '村里',
          nearestName: '最近的資源',
          nearest: '最近',
        }),
      ];
    },
  ],
];

describe('every export goes through the guard', () => {
  it.each(EXPORTS)('%s: no cell a spreadsheet would evaluate', (_name, write) => {
    const cells = write().flatMap(cellsOf);
    const planted = cells.filter((c) => FORMULAS.some((f) => c.includes(f.trim())));
    expect(planted.length).toBeGreaterThan(0);
    expect(cells.filter((c) => DANGEROUS.test(c))).toEqual([]);
  });
});
