import { parseTrustedDataHosts } from '../link/data-link.ts';
import { type Abbreviation, parseAbbreviations } from '../search/abbreviations.ts';
import { type BriefingConfig, parseBriefingConfig } from './briefing-config.ts';
import {
  type CategoryConfig,
  type Label,
  MARKER_SYMBOLS,
  type MarkerSymbol,
  parseLabel,
  type ServiceTagConfig,
} from './categories.ts';
import { hasResidentSettings, parseResidentConfig, type ResidentConfig } from './resident-config.ts';
import type { Visibility } from './resource.ts';

/** One data file listed in data/manifest.json. */
export interface ManifestFile {
  readonly path: string;
  readonly category: string;
  readonly county?: string;
  readonly source: string;
  readonly visibility: Visibility;
  /** Demo records (示範資料): the UI shows a notice so nobody mistakes them for real shops. */
  readonly sample: boolean;
  /** Columns that never leave the office (contact persons…): the public build and the AI pack drop them. */
  readonly internalColumns?: readonly string[];
}

export interface BasemapConfig {
  readonly id: string;
  readonly label: Label;
  readonly url: string;
  readonly attribution: string;
  readonly maxZoom: number;
}

/** The configuration an office edits: title, files, categories, service tags and basemaps. */
export interface Manifest {
  readonly title: Label;
  readonly files: readonly ManifestFile[];
  readonly gazetteer: string;
  /** Village centroids (縣市,鄉鎮市區,村里,緯度,經度) for briefings and questions, fetched when needed. */
  readonly villages: string;
  /** The township briefings' roles, gap distances and targets (defaults when the manifest says nothing). */
  readonly briefing: BriefingConfig;
  readonly categories: readonly CategoryConfig[];
  readonly serviceTags: readonly ServiceTagConfig[];
  readonly basemaps: readonly BasemapConfig[];
  /**
   * Short forms the search also looks for in full (社福 → 社會福利), when the manifest sets them; otherwise the
   * search uses DEFAULT_ABBREVIATIONS (domain/search/default-abbreviations.ts).
   */
  readonly searchAbbreviations?: readonly Abbreviation[];
  /** Needs, hotlines and the report-a-correction link, when the manifest sets any (see residentConfigOf). */
  readonly residents?: ResidentConfig;
  /**
   * The county the deployment is for (e.g. 嘉義縣): a resident's first screen, without a location, shows it
   * on the map and its real records first in the list.
   */
  readonly county?: string;
  /**
   * Origins whose `?data=` links load without asking first (`trustedDataHosts` in the manifest: hosts such as
   * `data.chiayi.gov.tw`, read as `https://data.chiayi.gov.tw`; see domain/link/data-link.ts). Their records are
   * still marked as coming from a link. Empty when the manifest lists none: every link asks.
   */
  readonly trustedDataOrigins: readonly string[];
  /**
   * The data files compiled at build time (domain/publish/dataset-pack.ts), written by the build into the manifest it
   * ships; an office never sets it. The page then downloads the result instead of parsing the files.
   */
  readonly pack?: string;
  /** The pack's positions alone, fetched beside it (also written by the build). */
  readonly packPositions?: string;
}

/** Thrown with a list of what is wrong in the manifest, so an office can fix it. */
export class ManifestError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`manifest.json: ${problems.join('; ')}`);
  }
}

/** Validates parsed manifest JSON. */
export function parseManifest(data: unknown): Manifest {
  const problems: string[] = [];
  const obj = isObject(data) ? data : {};
  if (!isObject(data)) problems.push('not a JSON object');
  const title = parseLabel(obj.title, 'title', problems);
  const files = array(obj.files, 'files', problems).map((f, i): ManifestFile => {
    const o = isObject(f) ? f : {};
    return {
      path: str(o.path, `files[${i}].path`, problems),
      category: str(o.category, `files[${i}].category`, problems),
      ...(typeof o.county === 'string' ? { county: o.county } : {}),
      source: typeof o.source === 'string' ? o.source : '',
      visibility: o.visibility === 'internal' ? 'internal' : 'public',
      sample: o.sample === true,
      ...(Array.isArray(o.internalColumns) ? { internalColumns: strings(o.internalColumns) } : {}),
    };
  });
  const categories = array(obj.categories, 'categories', problems).map((c, i): CategoryConfig => {
    const o = isObject(c) ? c : {};
    const symbol = MARKER_SYMBOLS.includes(o.symbol as MarkerSymbol) ? (o.symbol as MarkerSymbol) : 'circle';
    if (symbol !== o.symbol)
      problems.push(`categories[${i}].symbol must be one of ${MARKER_SYMBOLS.join(', ')}`);
    return {
      id: str(o.id, `categories[${i}].id`, problems),
      label: parseLabel(o.label, `categories[${i}].label`, problems),
      aliases: strings(o.aliases),
      color: str(o.color, `categories[${i}].color`, problems),
      symbol,
      ...(o.visibility === 'internal' ? { visibility: 'internal' as const } : {}),
    };
  });
  const serviceTags = array(obj.serviceTags, 'serviceTags', problems).map((t, i): ServiceTagConfig => {
    const o = isObject(t) ? t : {};
    return {
      id: str(o.id, `serviceTags[${i}].id`, problems),
      label: parseLabel(o.label, `serviceTags[${i}].label`, problems),
      aliases: strings(o.aliases),
    };
  });
  const basemaps = array(obj.basemaps, 'basemaps', problems).map((b, i): BasemapConfig => {
    const o = isObject(b) ? b : {};
    return {
      id: str(o.id, `basemaps[${i}].id`, problems),
      label: parseLabel(o.label, `basemaps[${i}].label`, problems),
      url: str(o.url, `basemaps[${i}].url`, problems),
      attribution: str(o.attribution, `basemaps[${i}].attribution`, problems),
      maxZoom: typeof o.maxZoom === 'number' ? o.maxZoom : 18,
    };
  });
  const categoryIds = new Set(categories.map((c) => c.id));
  files.forEach((f, i) => {
    if (f.category && !categoryIds.has(f.category))
      problems.push(`files[${i}].category "${f.category}" is not a category id`);
  });
  const gazetteer = typeof obj.gazetteer === 'string' ? obj.gazetteer : 'tw-township-centroids.csv';
  const villages = typeof obj.villages === 'string' ? obj.villages : 'tw-village-centroids.csv';
  const briefing = parseBriefingConfig(
    obj.briefing,
    categoryIds,
    new Set(serviceTags.map((t) => t.id)),
    problems,
  );
  const residents = hasResidentSettings(obj)
    ? parseResidentConfig(obj, new Set(serviceTags.map((t) => t.id)), categoryIds, problems)
    : undefined;
  let county: string | undefined;
  if (obj.county !== undefined) {
    if (typeof obj.county === 'string' && obj.county.trim() !== '')
      county = obj.county.trim().replace(/台/g, '臺');
    else problems.push('county must be the name of the county the map is for, e.g. 嘉義縣');
  }
  const searchAbbreviations =
    obj.searchAbbreviations === undefined ? undefined : parseAbbreviations(obj.searchAbbreviations, problems);
  const trustedDataOrigins = parseTrustedDataHosts(obj.trustedDataHosts, problems);
  if (problems.length > 0) throw new ManifestError(problems);
  return {
    title,
    files,
    gazetteer,
    villages,
    briefing,
    categories,
    serviceTags,
    basemaps,
    trustedDataOrigins,
    ...(searchAbbreviations ? { searchAbbreviations } : {}),
    ...(residents ? { residents } : {}),
    ...(county ? { county } : {}),
    ...(typeof obj.pack === 'string' && obj.pack !== '' ? { pack: obj.pack } : {}),
    ...(typeof obj.packPositions === 'string' && obj.packPositions !== ''
      ? { packPositions: obj.packPositions }
      : {}),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function array(v: unknown, path: string, problems: string[]): unknown[] {
  if (Array.isArray(v)) return v;
  problems.push(`${path} must be a list`);
  return [];
}
function str(v: unknown, path: string, problems: string[]): string {
  if (typeof v === 'string' && v !== '') return v;
  problems.push(`${path} must be a non-empty text`);
  return '';
}
function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}
