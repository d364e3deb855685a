import { zipSync } from 'fflate';
import type { Resource } from '../model/resource.ts';
import { FIELD_COLUMNS, HSDS_EXTRA_COLUMN } from '../model/resource-fields.ts';
import {
  cellText,
  type ExportContext,
  HSDS_LINK_ORIGIN_COLUMN,
  hasLinkRecords,
  linkOriginText,
} from './export-columns.ts';
import { guardedCsvText } from './formula-guard.ts';

/** HSDS 1.1 tables and the fields this export fills (the Open Referral column names). */
const TABLES = {
  organizations: [
    'id',
    'name',
    'alternate_name',
    'description',
    'email',
    'url',
    'tax_status',
    'tax_id',
    'year_incorporated',
    'legal_status',
  ],
  services: [
    'id',
    'organization_id',
    'program_id',
    'name',
    'alternate_name',
    'description',
    'url',
    'email',
    'status',
    'taxonomy_ids',
  ],
  locations: [
    'id',
    'organization_id',
    'name',
    'alternate_name',
    'description',
    'transportation',
    'latitude',
    'longitude',
  ],
  services_at_location: ['id', 'service_id', 'location_id', 'description'],
  phones: [
    'id',
    'location_id',
    'service_id',
    'organization_id',
    'contact_id',
    'service_at_location_id',
    'number',
    'extension',
    'type',
    'language',
    'description',
    'department',
  ],
  physical_addresses: [
    'id',
    'location_id',
    'organization_id',
    'attention',
    'address_1',
    'address_2',
    'address_3',
    'address_4',
    'city',
    'region',
    'state_province',
    'postal_code',
    'country',
  ],
} as const;

/**
 * Fields HSDS has no place for, carried in extension columns (x_…) of locations.csv so that a re-import
 * loses nothing (their homes in the field table, then extra as JSON); HSDS consumers ignore columns they do
 * not know.
 */
export const HSDS_EXTENSION_COLUMNS: readonly string[] = [
  ...FIELD_COLUMNS.flatMap(({ hsds }) =>
    hsds.table === 'locations' && hsds.column.startsWith('x_') ? [hsds.column] : [],
  ),
  HSDS_EXTRA_COLUMN,
];

/** The field column whose home is each column of locations.csv (field table); the rest are links or blank. */
const LOCATION_FIELDS = new Map(
  FIELD_COLUMNS.flatMap(({ id, hsds }) => (hsds.table === 'locations' ? [[hsds.column, id] as const] : [])),
);

type Table = keyof typeof TABLES;

/**
 * An Open Referral HSDS 1.1 style data package (a ZIP of CSVs plus datapackage.json). Each record becomes an
 * organization with one location, one service (its category; taxonomy_ids are the service tags), its phones
 * and its physical address. CSVs are UTF-8 with BOM and CRLF, formulas neutralised, as the CSV export. A
 * link's records are marked in locations.csv (HSDS_LINK_ORIGIN_COLUMN).
 */
export function exportHsdsPackage(
  resources: readonly Resource[],
  ctx: ExportContext,
  title: string,
): Uint8Array {
  const rows: Record<Table, string[][]> = {
    organizations: [],
    services: [],
    locations: [],
    services_at_location: [],
    phones: [],
    physical_addresses: [],
  };
  const text = (r: Resource, column: Parameters<typeof cellText>[1]) => cellText(r, column, ctx);
  const extensions = hasLinkRecords(resources, ctx)
    ? [...HSDS_EXTENSION_COLUMNS, HSDS_LINK_ORIGIN_COLUMN]
    : HSDS_EXTENSION_COLUMNS;
  const locationColumns = [...TABLES.locations, ...extensions];
  const locationCells = locationColumns.map((column): ((r: Resource) => string) => {
    const field = LOCATION_FIELDS.get(column);
    if (field !== undefined) return (r) => text(r, field);
    if (column === 'organization_id') return (r) => r.id;
    if (column === HSDS_EXTRA_COLUMN)
      return (r) => (Object.keys(r.extra).length > 0 ? JSON.stringify(r.extra) : '');
    if (column === HSDS_LINK_ORIGIN_COLUMN) return (r) => linkOriginText(r, ctx);
    return () => '';
  });
  for (const r of resources) {
    const serviceId = `${r.id}-service`;
    rows.organizations.push([r.id, r.name, '', r.description ?? '', '', r.website ?? '', '', '', '', '']);
    rows.services.push([
      serviceId,
      r.id,
      '',
      text(r, 'category'),
      '',
      text(r, 'services'),
      r.website ?? '',
      '',
      'active',
      r.services.join(','),
    ]);
    rows.locations.push(locationCells.map((cell) => cell(r)));
    rows.services_at_location.push([`${r.id}-sal`, serviceId, r.id, '']);
    r.phones.forEach((phone, i) => {
      rows.phones.push([`${r.id}-phone-${i + 1}`, r.id, '', '', '', '', phone, '', 'voice', 'zh-TW', '', '']);
    });
    if (r.address) {
      rows.physical_addresses.push([
        `${r.id}-address`,
        r.id,
        '',
        '',
        r.address,
        '',
        '',
        '',
        r.town,
        '',
        r.county,
        '',
        'TW',
      ]);
    }
  }
  const encoder = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  for (const table of Object.keys(TABLES) as Table[]) {
    const headers = table === 'locations' ? locationColumns : [...TABLES[table]];
    const csv = guardedCsvText(headers, rows[table], { quoteAll: true });
    files[`${table}.csv`] = encoder.encode(`\uFEFF${csv}\r\n`);
  }
  files['datapackage.json'] = encoder.encode(JSON.stringify(dataPackage(title, extensions), null, 2));
  return zipSync(files, { level: 6 });
}

function dataPackage(title: string, extensions: readonly string[]) {
  return {
    name: 'community-resource-map-hsds',
    title,
    profile: 'tabular-data-package',
    version: '1.1',
    description: 'Open Referral Human Services Data Specification (HSDS) 1.1 style export of 共生資源地圖.',
    resources: (Object.keys(TABLES) as Table[]).map((table) => ({
      name: table,
      path: `${table}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: [...TABLES[table], ...(table === 'locations' ? extensions : [])].map((name) => ({
          name,
          type: name === 'latitude' || name === 'longitude' ? 'number' : 'string',
        })),
      },
    })),
  };
}
