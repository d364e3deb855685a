import { type Gazetteer, parseAddress, placeKey } from '../geo/gazetteer.ts';
import type { RawRecord } from './raw-record.ts';

/** What the addresses of a file say about the county they leave out. */
export interface CountyGuess {
  /** The county the rows that name a district of one county only (安南區, 永康區) point to. */
  readonly county: string;
  /** Rows whose address names no county, of those with an address. */
  readonly withoutCounty: number;
  readonly withAddress: number;
}

/** Rows looked at: a file's first rows tell its county as well as all of them. */
const SAMPLE = 5000;
/** At least this share of the rows that tell a county must tell the same one. */
const AGREEMENT = 0.9;

/**
 * The county a file's addresses point to when most of them leave it out (Tainan's 中西區光賢街…): the county
 * of the districts that exist in one county only (安南區 → 臺南市), when they agree. Ambiguous districts (東區)
 * take it then, with a note. Undefined when the addresses write their county, or point to several.
 */
export function inferFileCounty(
  records: readonly Pick<RawRecord, 'fields'>[],
  gazetteer: Gazetteer,
): CountyGuess | undefined {
  const counties = gazetteer.counties();
  const tally = new Map<string, number>();
  let withAddress = 0;
  let withoutCounty = 0;
  let told = 0;
  for (const { fields } of records.slice(0, SAMPLE)) {
    if ((fields.county ?? '').trim() !== '') continue;
    const address = (fields.address ?? '').trim();
    if (address === '') continue;
    withAddress++;
    const text = placeKey(address).replace(/^\d{3,6}/, '');
    if (counties.some((county) => text.startsWith(county)) || /^.{2}縣/.test(text)) continue;
    withoutCounty++;
    const county = parseAddress(gazetteer, text).county;
    if (county === undefined) continue;
    told++;
    tally.set(county, (tally.get(county) ?? 0) + 1);
  }
  if (withoutCounty === 0 || withoutCounty < withAddress / 2) return undefined;
  const [county, count] = [...tally].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (county === '' || count < AGREEMENT * told) return undefined;
  return { county, withoutCounty, withAddress };
}
