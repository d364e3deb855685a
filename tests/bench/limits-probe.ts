/**
 * One hostile file refused by the import worker's own code, in a process of its own so that its peak memory is
 * its own: `node --import tsx tests/bench/limits-probe.ts <case>` prints one JSON line (limits-bench.ts runs it).
 * The baseline is the process's peak once the file is in memory and the modules are loaded (the worker holds
 * the file too); the peak is after the refusal.
 */
import * as sheetjs from '@e965/xlsx';
import { readKmlFile } from '../../src/domain/files/import-kml.ts';
import { previewImport } from '../../src/domain/loading/import-file.ts';
import { readRefusal } from '../../src/domain/loading/import-limits.ts';
import { deepGeoJson, kmzBomb, xlsxBomb, xlsxFarCell } from '../hostile-files.ts';

const MiB = 1024 * 1024;

/** 300 MB of a plausible CSV: a header and rows of a place, its address and a phone number. */
function bigCsv(bytes: number): Uint8Array {
  const row = new TextEncoder().encode('福安早餐店,嘉義縣民雄鄉中樂路35號,05-2201234\n');
  const out = new Uint8Array(bytes);
  const header = new TextEncoder().encode('名稱,地址,電話\n');
  out.set(header);
  for (let at = header.length; at + row.length <= bytes; at += row.length) out.set(row, at);
  return out;
}

const CASES: Record<string, () => { bytes: Uint8Array; refuse: (bytes: Uint8Array) => string }> = {
  'xlsx-bomb': () => ({ bytes: xlsxBomb(1024), refuse: preview('bomb.xlsx') }),
  // The largest a ZIP32 entry can state: the "4 MB zip inflating to 4 GiB".
  'xlsx-bomb-4gib': () => ({ bytes: xlsxBomb(4095), refuse: preview('bomb4.xlsx') }),
  'kmz-bomb': () => ({
    bytes: kmzBomb(1024),
    refuse: (bytes) => {
      try {
        readKmlFile(bytes);
        return 'not refused';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  }),
  'csv-300mb': () => ({ bytes: bigCsv(300 * 1000 * 1000), refuse: preview('big.csv') }),
  'xlsx-far-cell': () => ({ bytes: xlsxFarCell(), refuse: preview('far.xlsx') }),
  'geojson-deep': () => ({
    bytes: new TextEncoder().encode(deepGeoJson(100_000)),
    refuse: preview('deep.geojson'),
  }),
};

function preview(file: string): (bytes: Uint8Array) => string {
  return (bytes) => previewImport(bytes, file, {}, { sheetjs }).error ?? 'not refused';
}

const name = process.argv[2] ?? '';
const make = CASES[name];
if (!make) throw new Error(`unknown case ${name}; one of ${Object.keys(CASES).join(', ')}`);
const { bytes, refuse } = make();
// Warm the path on a file that passes, so that module and JIT set-up are in the baseline, not the figure.
previewImport(new TextEncoder().encode('名稱\n甲\n'), 'warm.csv', {}, { sheetjs });
const baseline = process.resourceUsage().maxRSS * 1024;
const started = performance.now();
const reason = refuse(bytes);
const ms = performance.now() - started;
const peak = process.resourceUsage().maxRSS * 1024;
process.stdout.write(
  `${JSON.stringify({
    case: name,
    fileBytes: bytes.length,
    ms,
    baselineMb: baseline / MiB,
    peakMb: peak / MiB,
    refusal: readRefusal(reason)?.kind ?? reason,
  })}\n`,
);
