import { currentPlaceNames, type Gazetteer, placeKey } from '../geo/gazetteer.ts';
import { decodeBytes } from '../loading/decode-bytes.ts';
import { parseDelimitedText } from '../loading/parse-csv.ts';

/** Residents by township (`county|town`, today's names), read from a population table. */
export interface PopulationTable {
  readonly byTown: ReadonlyMap<string, number>;
  /** The statistics period the figures are from (the latest in the file, e.g. 99Y06M), when the file says. */
  readonly period: string;
  /** 1-based lines that could not be used, with why. */
  readonly skipped: readonly { readonly line: number; readonly reason: PopulationSkipReason }[];
}

export type PopulationSkipReason = 'no-place' | 'no-number' | 'unknown-township';

export type PopulationProblem = 'no-columns';

const COUNTY = ['縣市名稱', '縣市', 'county', 'county_name', 'countyname'];
const TOWN = ['鄉鎮市區名稱', '鄉鎮市區', '鄉鎮', 'town', 'town_name', 'townname', 'site_id', '區域別'];
const PEOPLE = ['人口數', '總人口數', '人口', 'p_cnt', 'population', 'people_total'];
const PERIOD = ['統計期或資料時間', '統計年月', '資料時間', 'info_time', 'statistic_yyymm'];

const find = (headers: readonly string[], names: readonly string[]) =>
  headers.findIndex((h) => names.includes(h.trim().toLowerCase()));

/** ROC or Western year-month to a sortable number: 99Y06M → 201006, 2024-03 → 202403. */
function periodValue(text: string): number {
  const m = /^(\d{2,4})\D*(\d{1,2})?/.exec(text.trim());
  if (!m) return 0;
  const y = Number(m[1]);
  return (y < 1000 ? y + 1911 : y) * 100 + Number(m[2] ?? 0);
}

/**
 * Reads a township or village population table, as the government publishes them (村里／鄉鎮人口統計): often Big5,
 * with a second header row in English (INFO_TIME, COUNTY, TOWN, P_CNT…), several periods one under another, and a
 * trailing comma. Village rows are summed per township; of several periods the latest is kept. Former place names
 * (臺南縣永康市) are brought to today's by the gazetteer. Returns a problem when no place or population column is found.
 *
 * Example: `99Y06M,10021,臺南市,10021010,東區,70591,194258,` → byTown `臺南市|東區` = 194258 from the 99Y06M rows (the latest period).
 */
export function parsePopulationTable(
  bytes: Uint8Array,
  gazetteer: Gazetteer | null,
): PopulationTable | PopulationProblem {
  const { text } = decodeBytes(bytes);
  const table = parseDelimitedText(text);
  const county = find(table.headers, COUNTY);
  const town = find(table.headers, TOWN);
  const people = find(table.headers, PEOPLE);
  const period = find(table.headers, PERIOD);
  if (town < 0 || people < 0) return 'no-columns';
  const skipped: { line: number; reason: PopulationSkipReason }[] = [];
  const sums = new Map<string, { period: number; label: string; people: number }>();
  const englishHeader = new Set([...COUNTY, ...TOWN, ...PEOPLE, ...PERIOD]);
  for (const [i, row] of table.rows.entries()) {
    const line = table.lineNumbers[i] ?? i + 2;
    const cell = (c: number) => (c >= 0 ? (row[c] ?? '').trim() : '');
    // The second header row (INFO_TIME, COUNTY, TOWN…) is a header, not a bad row.
    if (englishHeader.has(cell(town).toLowerCase()) && englishHeader.has(cell(people).toLowerCase()))
      continue;
    let c = placeKey(cell(county));
    let t = placeKey(cell(town));
    if (!t) {
      skipped.push({ line, reason: 'no-place' });
      continue;
    }
    const n = Number(cell(people).replace(/[,\s]/g, ''));
    if (cell(people) === '' || !Number.isFinite(n) || n < 0) {
      skipped.push({ line, reason: 'no-number' });
      continue;
    }
    if (gazetteer) {
      const current = currentPlaceNames(gazetteer, c, t);
      if (current) ({ county: c, town: t } = current);
      if (!c) {
        const only = gazetteer.findByTown(t);
        if (only.length === 1 && only[0]) c = only[0].county;
      }
      if (!gazetteer.find(c, t)) {
        skipped.push({ line, reason: 'unknown-township' });
        continue;
      }
    }
    const key = `${c}|${t}`;
    const label = cell(period);
    const value = periodValue(label);
    const seen = sums.get(key);
    if (!seen || value > seen.period) sums.set(key, { period: value, label, people: n });
    else if (value === seen.period) seen.people += n;
  }
  let latest = { value: 0, label: '' };
  for (const s of sums.values()) if (s.period > latest.value) latest = { value: s.period, label: s.label };
  return {
    byTown: new Map([...sums].map(([key, s]) => [key, s.people])),
    period: latest.label,
    skipped,
  };
}
