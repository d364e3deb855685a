import { strFromU8, unzipSync } from 'fflate';
import { decodeBytes } from '../loading/decode-bytes.ts';
import { parseDelimitedText, type RawTable } from '../loading/parse-csv.ts';

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

/** Undoes the CSV export's formula guard ('=…): HSDS packages with x_ columns are ours. */
const unguard = (value: string) => (/^'[=+\-@\t\r']/.test(value) ? value.slice(1) : value);

/**
 * An Open Referral HSDS package (ZIP of CSVs) → one table row per location, in locations.csv order, with the
 * location's organization, phones, physical address and services joined in. The headers are names the
 * column mapping recognises (name, lat, address…), so the rest of the chain is the CSV one. Our own
 * exports' x_ extension columns restore what HSDS has no field for.
 */
export function hsdsToTable(bytes: Uint8Array, file: string): RawTable {
  const entries = unzipSync(bytes, { filter: (f) => f.name.toLowerCase().endsWith('.csv') });
  const tables = new Map<string, CsvRows>();
  for (const [path, data] of Object.entries(entries)) {
    const name = (path.split('/').pop() ?? path).toLowerCase();
    tables.set(name, parseDelimitedText(decodeBytes(data).text));
  }
  const locationsTable = tables.get('locations.csv');
  if (!locationsTable) throw new Error(`${file}: no locations.csv`);
  const ours = locationsTable.headers.includes('x_precision');
  const clean = ours ? unguard : (v: string) => v;
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
    const extra = parseExtra(clean(l.x_extra ?? ''));
    for (const key of Object.keys(extra)) if (!extraKeys.includes(key)) extraKeys.push(key);
    return extra;
  });
  const headers = [
    'id',
    'name',
    'description',
    'website',
    'address',
    'county',
    'town',
    'village',
    'lat',
    'lng',
    'phone',
    'category',
    'services',
    'opening_hours',
    'source',
    'last_verified',
    'visibility',
    'precision',
    'organization',
    ...extraKeys,
  ];
  const rows = locations.map((l, i) => {
    const get = (key: string) => clean(l[key] ?? '');
    const organization = organizations.get(l.organization_id ?? '');
    const address = addresses.get(l.id ?? '')?.[0];
    const locationPhones =
      phonesByLocation.get(l.id ?? '') ?? phonesByOrganization.get(l.organization_id ?? '') ?? [];
    const serviceNames = (servicesAt.get(l.id ?? '') ?? [])
      .map((sal) => services.get(sal.service_id ?? '')?.name ?? '')
      .filter((n) => n !== '');
    const orgName = clean(organization?.name ?? '');
    const name = get('name') || orgName;
    const extra = extras[i] ?? {};
    return [
      get('id'),
      name,
      get('description') || (ours ? '' : clean(organization?.description ?? '')),
      clean(organization?.url ?? ''),
      address ? clean([address.address_1, address.address_2].filter(Boolean).join(' ')) : '',
      get('x_county') || clean(address?.state_province ?? ''),
      get('x_town') || clean(address?.city ?? ''),
      get('x_village'),
      get('latitude'),
      get('longitude'),
      locationPhones
        .map((p) => clean(p.number ?? '') + (p.extension ? ` ext. ${clean(p.extension)}` : ''))
        .join('；'),
      get('x_category'),
      ours ? get('x_services') : serviceNames.map(clean).join('、'),
      get('x_opening_hours'),
      get('x_source'),
      get('x_last_verified'),
      get('x_visibility'),
      get('x_precision'),
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
  const entries = unzipSync(bytes, { filter: (f) => f.name.endsWith('datapackage.json') });
  const data = Object.values(entries)[0];
  if (!data) return undefined;
  try {
    const title = (JSON.parse(strFromU8(data)) as { title?: unknown }).title;
    return typeof title === 'string' ? title : undefined;
  } catch {
    return undefined;
  }
}
