import { strFromU8 } from 'fflate';
import { decodeBytes } from '../loading/decode-bytes.ts';
import { parseDelimitedText, type RawTable } from '../loading/parse-csv.ts';
import {
  type ColumnId,
  FIELD_COLUMNS,
  HSDS_EXTRA_COLUMN,
  type HsdsTable,
  type TableColumn,
} from '../model/resource-fields.ts';
import { unguardFormula } from './formula-guard.ts';
import { inflateZip } from './zip-archive.ts';

interface CsvRows {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly lineNumbers: readonly number[];
}

/** Rows of one HSDS table as objects by column name; '' for a missing table or column. */
function records(table: CsvRows | undefined): Record<string, string>[] {
  if (!table) return [];
  return table.rows.map((row) => Object.fromEntries(table.headers.map((h, i) => [h, row[i] ?? ''])));
}

function groupBy(rows: Record<string, string>[], key: string): Map<string, Record<string, string>[]> {
  const map = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    const k = row[key] ?? '';
    if (k === '') continue;
    map.set(k, [...(map.get(k) ?? []), row]);
  }
  return map;
}

type Row = Record<string, string>;

/** One location and the rows HSDS links to it: its organization, first physical address, phones and services. */
type Linked = { readonly [T in Exclude<HsdsTable, 'phones'>]: Row | undefined } & {
  readonly phones: readonly Row[];
  readonly services: readonly Row[];
};

/** A field's cell as its home in the field table holds it (the location's phones joined by ；). */
function homeCell(column: TableColumn, linked: Linked, clean: (value: string) => string): string {
  const { table, column: name } = column.hsds;
  if (table === 'phones') {
    return linked.phones
      .map((p) => clean(p[name] ?? '') + (p.extension ? ` ext. ${clean(p.extension)}` : ''))
      .join('；');
  }
  const row = linked[table];
  // The street address may go on in address_2.
  if (table === 'physical_addresses' && name === 'address_1')
    return row ? clean([row.address_1, row.address_2].filter(Boolean).join(' ')) : '';
  return clean(row?.[name] ?? '');
}

/**
 * Where other packages keep what our x_ columns hold, or what a location leaves to its organization: read when
 * a field's home is empty in a package that is not one of our exports.
 */
const FROM_ELSEWHERE: Partial<Record<ColumnId, (linked: Linked) => string>> = {
  name: (l) => l.organizations?.name ?? '',
  description: (l) => l.organizations?.description ?? '',
  county: (l) => l.physical_addresses?.state_province ?? '',
  town: (l) => l.physical_addresses?.city ?? '',
  services: (l) =>
    l.services
      .map((s) => s.name ?? '')
      .filter((n) => n !== '')
      .join('、'),
};

const NAME_CELL = FIELD_COLUMNS.findIndex((column) => column.id === 'name');
const PRECISION_HOME = FIELD_COLUMNS.find((column) => column.id === 'precision')?.hsds.column ?? '';

/**
 * An Open Referral HSDS package (ZIP of CSVs) → one table row per location, in locations.csv order, with the
 * location's organization, phones, physical address and services joined in. Every field is read from its HSDS
 * home in the field table, under its English export header (a name the column mapping recognises), so the rest
 * of the chain is the CSV one. Our own exports' x_ extension columns restore what HSDS has no field for; other
 * packages' fields that are empty there are taken from where HSDS puts them (FROM_ELSEWHERE).
 */
export function hsdsToTable(bytes: Uint8Array, file: string): RawTable {
  const { files } = inflateZip(bytes, (name) => name.toLowerCase().endsWith('.csv'));
  const tables = new Map<string, CsvRows>();
  for (const [path, data] of files) {
    const name = (path.split('/').pop() ?? path).toLowerCase();
    tables.set(name, parseDelimitedText(decodeBytes(data).text));
  }
  const locationsTable = tables.get('locations.csv');
  if (!locationsTable) throw new Error(`${file}: no locations.csv`);
  const ours = locationsTable.headers.includes(PRECISION_HOME);
  const clean = ours ? unguardFormula : (v: string) => v;
  const organizations = new Map(records(tables.get('organizations.csv')).map((o) => [o.id ?? '', o]));
  const services = new Map(records(tables.get('services.csv')).map((s) => [s.id ?? '', s]));
  const phones = records(tables.get('phones.csv'));
  const phonesByLocation = groupBy(phones, 'location_id');
  const phonesByOrganization = groupBy(phones, 'organization_id');
  const addresses = groupBy(records(tables.get('physical_addresses.csv')), 'location_id');
  const servicesAt = groupBy(records(tables.get('services_at_location.csv')), 'location_id');

  const locations = records(locationsTable);
  const extraKeys: string[] = [];
  const extras = locations.map((l) => {
    const extra = parseExtra(clean(l[HSDS_EXTRA_COLUMN] ?? ''));
    for (const key of Object.keys(extra)) if (!extraKeys.includes(key)) extraKeys.push(key);
    return extra;
  });
  const headers = [...FIELD_COLUMNS.map((column) => column.label.en), 'organization', ...extraKeys];
  const rows = locations.map((l, i) => {
    const organization = organizations.get(l.organization_id ?? '');
    const linked: Linked = {
      locations: l,
      organizations: organization,
      physical_addresses: addresses.get(l.id ?? '')?.[0],
      phones: phonesByLocation.get(l.id ?? '') ?? phonesByOrganization.get(l.organization_id ?? '') ?? [],
      services: (servicesAt.get(l.id ?? '') ?? []).flatMap((sal) => {
        const service = services.get(sal.service_id ?? '');
        return service ? [service] : [];
      }),
    };
    const cells = FIELD_COLUMNS.map((column) => {
      const own = homeCell(column, linked, clean);
      return ours || own !== '' ? own : (FROM_ELSEWHERE[column.id]?.(linked) ?? '');
    });
    const orgName = clean(organization?.name ?? '');
    const name = cells[NAME_CELL] ?? '';
    const extra = extras[i] ?? {};
    return [
      ...cells,
      ours || orgName === name ? '' : orgName,
      ...extraKeys.map((key) => (Object.hasOwn(extra, key) ? (extra[key] ?? '') : '')),
    ];
  });
  return {
    headers,
    rows,
    lineNumbers: locationsTable.lineNumbers,
    headerRowCount: 1,
    delimiter: ',',
  };
}

function parseExtra(text: string): Record<string, string> {
  if (text === '') return {};
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(data)) {
      if (typeof value === 'string')
        Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  } catch {
    return {};
  }
}

/** Reads datapackage.json's title, if the package has one (for the dataset's label). */
export function hsdsTitle(bytes: Uint8Array): string | undefined {
  const { files } = inflateZip(bytes, (name) => name.endsWith('datapackage.json'));
  const data = files.values().next().value;
  if (!data) return undefined;
  try {
    const title = (JSON.parse(strFromU8(data)) as { title?: unknown }).title;
    return typeof title === 'string' ? title : undefined;
  } catch {
    return undefined;
  }
}
