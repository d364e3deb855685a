import { detectColumnMapping, recogniseHeader } from '../loading/column-mapping.ts';
import { decodeBytes } from '../loading/decode-bytes.ts';
import { sniffTextFormat } from '../loading/import-formats.ts';
import { parseDelimitedText, toCsvText } from '../loading/parse-csv.ts';
import { type CategoryConfig, matchByLabel } from '../model/categories.ts';
import { isInternalVisibility, readVisibility } from '../model/visibility.ts';

/**
 * What the manifest says is confidential about one file: the whole file (visibility internal), columns such as
 * contact persons' names (internalColumns), and categories marked internal (e.g. 庇護所 shelters).
 */
export interface ConfidentialRules {
  readonly visibility: 'public' | 'internal';
  readonly internalColumns: readonly string[];
  /** The file's default category is internal: every record of it is. */
  readonly fileCategoryInternal: boolean;
  readonly internalCategories: readonly CategoryConfig[];
}

export interface PublicVersion {
  /** The bytes a public build may ship, or null when nothing of the file may be shipped. */
  readonly bytes: Uint8Array | null;
  readonly droppedRecords: number;
  readonly droppedColumns: readonly string[];
  /** Rows whose visibility value was not recognised: left out (fail closed), named so the office can fix them. */
  readonly unrecognised: readonly VisibilityWarning[];
}

export interface VisibilityWarning {
  /** 1-based line of a delimited file (the header is line 1) or feature number of a GeoJSON file. */
  readonly row: number;
  readonly value: string;
}

/** A listed file that cannot be read: the build stops, naming it and why, rather than ship it unchecked. */
export class UnreadableDataFile extends Error {}

/**
 * The public version of a data file, for the production build: internal files are left out, records marked
 * internal (a 公開/visibility cell such as 內部, 不公開, 否, internal — or an internal category) and internal
 * columns are removed. A file with nothing confidential is returned byte for byte.
 */
export function publicVersion(bytes: Uint8Array, rules: ConfidentialRules, name = ''): PublicVersion {
  if (rules.visibility === 'internal' || rules.fileCategoryInternal) {
    return { bytes: null, droppedRecords: Number.NaN, droppedColumns: [], unrecognised: [] };
  }
  const decoded = decodeBytes(bytes);
  const internalColumn = (header: string) => rules.internalColumns.some((c) => c.trim() === header.trim());
  const internalCategory = (cell: string) =>
    cell.trim() !== '' && matchByLabel(rules.internalCategories, cell) !== undefined;
  // By name as well as by content: a .geojson file whose first byte is wrong must not pass as a CSV table.
  if (/\.(geo)?json$/i.test(name) || sniffTextFormat(decoded.text) === 'geojson')
    return publicGeoJson(decoded.text, bytes, internalColumn, internalCategory);
  const table = parseDelimitedText(decoded.text);
  const mapping = detectColumnMapping(table.headers);
  const dropColumns = new Set(table.headers.flatMap((h, i) => (internalColumn(h) ? [i] : [])));
  const unrecognised: VisibilityWarning[] = [];
  const keepRow = (row: readonly string[], i: number) => {
    const cell = mapping.visibility === undefined ? undefined : row[mapping.visibility];
    if (readVisibility(cell) === 'unrecognised') unrecognised.push({ row: i + 2, value: cell ?? '' });
    return (
      !isInternalVisibility(cell) &&
      !(mapping.category !== undefined && internalCategory(row[mapping.category] ?? ''))
    );
  };
  const rows = table.rows.filter(keepRow);
  const droppedRecords = table.rows.length - rows.length;
  if (droppedRecords === 0 && dropColumns.size === 0)
    return { bytes, droppedRecords: 0, droppedColumns: [], unrecognised };
  const keep = (cells: readonly string[]) => cells.filter((_, i) => !dropColumns.has(i));
  const text = toCsvText(keep(table.headers), rows.map(keep));
  return {
    bytes: new TextEncoder().encode(`${decoded.hadBom ? '\uFEFF' : ''}${text}\r\n`),
    droppedRecords,
    droppedColumns: table.headers.filter((_, i) => dropColumns.has(i)),
    unrecognised,
  };
}

function publicGeoJson(
  text: string,
  bytes: Uint8Array,
  internalColumn: (key: string) => boolean,
  internalCategory: (cell: string) => boolean,
): PublicVersion {
  let data: { type?: unknown; features?: unknown };
  try {
    data = JSON.parse(text) as { features?: unknown };
  } catch (error) {
    throw new UnreadableDataFile(
      `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (typeof data !== 'object' || data === null || !Array.isArray(data.features))
    throw new UnreadableDataFile('not a GeoJSON FeatureCollection (no "features" list)');
  const droppedColumns = new Set<string>();
  const unrecognised: VisibilityWarning[] = [];
  const features = data.features.filter((feature, i) => {
    const props = (feature as { properties?: Record<string, unknown> } | null)?.properties ?? {};
    return !Object.entries(props).some(([key, value]) => {
      const field = recogniseHeader(key);
      if (field === 'visibility') {
        if (readVisibility(value) === 'unrecognised') unrecognised.push({ row: i + 1, value: String(value) });
        return isInternalVisibility(value);
      }
      return field === 'category' && typeof value === 'string' && internalCategory(value);
    });
  });
  for (const feature of features) {
    const props = (feature as { properties?: Record<string, unknown> } | null)?.properties;
    if (!props) continue;
    for (const key of Object.keys(props)) {
      if (internalColumn(key)) {
        delete props[key];
        droppedColumns.add(key);
      }
    }
  }
  const droppedRecords = data.features.length - features.length;
  if (droppedRecords === 0 && droppedColumns.size === 0)
    return { bytes, droppedRecords: 0, droppedColumns: [], unrecognised };
  return {
    bytes: new TextEncoder().encode(JSON.stringify({ ...data, features })),
    droppedRecords,
    droppedColumns: [...droppedColumns],
    unrecognised,
  };
}

/** Raw manifest JSON → the rules per file path, and the manifest a public build ships (internal parts removed). */
export function confidentialManifest(manifestJson: unknown): {
  rules: Map<string, ConfidentialRules>;
  publicManifest: unknown;
} {
  const manifest = (typeof manifestJson === 'object' && manifestJson !== null ? manifestJson : {}) as {
    files?: unknown;
    categories?: unknown;
  };
  const categories = (Array.isArray(manifest.categories) ? manifest.categories : []) as (CategoryConfig & {
    visibility?: unknown;
  })[];
  const internalCategories = categories
    .filter((c) => c.visibility === 'internal')
    .map((c) => ({ ...c, aliases: Array.isArray(c.aliases) ? c.aliases : [] }));
  const internalIds = new Set(internalCategories.map((c) => c.id));
  const files = (Array.isArray(manifest.files) ? manifest.files : []) as {
    path?: unknown;
    visibility?: unknown;
    category?: unknown;
    internalColumns?: unknown;
  }[];
  const rules = new Map<string, ConfidentialRules>();
  for (const f of files) {
    if (typeof f.path !== 'string') continue;
    rules.set(f.path, {
      visibility: f.visibility === 'internal' ? 'internal' : 'public',
      internalColumns: Array.isArray(f.internalColumns)
        ? f.internalColumns.filter((c): c is string => typeof c === 'string')
        : [],
      fileCategoryInternal: typeof f.category === 'string' && internalIds.has(f.category),
      internalCategories,
    });
  }
  const publicFiles = files
    .filter(
      (f) =>
        typeof f.path === 'string' &&
        rules.get(f.path)?.visibility === 'public' &&
        !rules.get(f.path)?.fileCategoryInternal,
    )
    .map(({ internalColumns: _dropped, ...rest }) => rest);
  const publicCategories = categories.filter((c) => c.visibility !== 'internal');
  return { rules, publicManifest: { ...manifest, files: publicFiles, categories: publicCategories } };
}
