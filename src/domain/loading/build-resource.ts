import { type Area, type Boundaries, placeOf } from '../geo/boundaries.ts';
import { currentPlaceNames, type Gazetteer, parseAddress, placeKey } from '../geo/gazetteer.ts';
import {
  crsFromHeaders,
  looksProjected,
  orderEastingNorthing,
  type ProjectedCrs,
  projectToWgs84,
} from '../geo/projections.ts';
import { splitAddressAndPhone } from '../model/address-phone.ts';
import { stripBidiControls } from '../model/bidi-controls.ts';
import { type CategoryConfig, matchByLabel, type ServiceTagConfig } from '../model/categories.ts';
import { checkLatLng, type LatLng, lngLatToLatLng, parseCoordinate } from '../model/coordinates.ts';
import { parseDateCell } from '../model/dates.ts';
import { type LoadIssue, type LoadIssueCode, loadIssue } from '../model/load-issues.ts';
import { splitPhones } from '../model/phone.ts';
import type { LocationPrecision, Resource, Visibility } from '../model/resource.ts';
import { safeHttpUrl } from '../model/safe-url.ts';
import { stableHash } from '../model/stable-id.ts';
import { isInternalVisibility, readVisibility } from '../model/visibility.ts';
import { addressNamesCounty, placeFromPosition } from './place-from-position.ts';
import type { RawRecord } from './raw-record.ts';
import { setOwn } from './table-to-records.ts';

/** What a file contributes to each of its records. */
export interface FileDefaults {
  readonly file: string;
  readonly category: string;
  readonly county?: string;
  /** The county was inferred from the file's addresses (county-inference.ts), not chosen: rows say so. */
  readonly countyInferred?: boolean;
  readonly source: string;
  readonly visibility: Visibility;
  /** The projected system of metre coordinates (GeoJSON `crs`, or the person's choice); numbers in degrees ignore it. */
  readonly crs?: ProjectedCrs;
}

export interface BuildContext {
  readonly categories: readonly CategoryConfig[];
  readonly serviceTags: readonly ServiceTagConfig[];
  readonly gazetteer: Gazetteer;
  /**
   * The Ministry of the Interior's township or village boundaries (geo/boundaries.ts): a record with a position
   * takes the county, township and village it lies in when it does not name them, and a position outside every
   * one is not in Taiwan. Without them (the default data, the build), positions are checked by boxes only.
   */
  readonly boundaries?: Boundaries;
  readonly defaults: FileDefaults;
}

export type BuildResult =
  | { resource: Resource; issues: LoadIssue[] }
  | { resource: null; issues: LoadIssue[] };

/** A precision cell that says the position is a township centroid (as the exports write it). */
const APPROXIMATE_WORDS = new Set(['approximate-town', 'approximate', '約略位置', '約略']);

/** Validates one record into a Resource, with an issue for every fix, guess or rejection. */
export function buildResource(record: RawRecord, ctx: BuildContext): BuildResult {
  const { fields, headers, row } = record;
  const file = ctx.defaults.file;
  const issues: LoadIssue[] = [];
  const report = (code: LoadIssueCode, field?: keyof typeof headers, value?: string) =>
    issues.push(
      loadIssue(code, file, {
        row,
        ...(field && headers[field] ? { column: headers[field] } : {}),
        ...(value !== undefined ? { value } : {}),
      }),
    );

  const name = (fields.name ?? '').trim();
  if (name === '') {
    report('missing-name', 'name');
    return { resource: null, issues };
  }
  // Copied only when the validation adds to it (a rejected value is kept as written).
  let extra = record.extra as Record<string, string>;
  const keepInExtra = (column: string, value: string) => {
    if (extra === record.extra) extra = { ...record.extra };
    setOwn(extra, column, value);
  };

  const rawCategory = (fields.category ?? '').trim();
  const categoryMatch = rawCategory === '' ? undefined : matchByLabel(ctx.categories, rawCategory);
  if (rawCategory !== '' && !categoryMatch) report('unknown-category', 'category', rawCategory);
  const category = categoryMatch?.id ?? ctx.defaults.category;
  if (rawCategory !== '' && !categoryMatch && headers.category) keepInExtra(headers.category, rawCategory);

  const services = splitList(fields.services ?? '').map((label) => {
    const tag = matchByLabel(ctx.serviceTags, label);
    if (!tag) report('unknown-service', 'services', label);
    return tag?.id ?? label;
  });

  let rawAddress = (fields.address ?? '').trim();
  let phoneCell = fields.phone ?? '';
  // 服務地址/聯絡電話: one cell holds both. The phones go to the phone field when it has none of its own.
  const combined = phoneCell.trim() === '' ? splitAddressAndPhone(rawAddress) : null;
  if (combined) {
    report('address-phone-split', 'address', combined.phones);
    rawAddress = combined.address;
    phoneCell = combined.phones;
  }
  const addresses = ADDRESS_SEPARATORS.test(rawAddress)
    ? rawAddress
        .split(ADDRESS_SEPARATORS)
        .map((a) => a.trim())
        .filter((a) => a !== '')
    : [rawAddress];
  if (addresses.length > 1) report('multiple-addresses', 'address', rawAddress);
  const parsed = parseAddress(ctx.gazetteer, addresses[0] ?? '', fields.county || ctx.defaults.county);
  const countyCell = fields.county?.trim();
  const townCell = fields.town?.trim();
  // As the cells (else the address) write them; names from before the 2010/2014 mergers (臺北縣 / 板橋市) are
  // brought to today's (新北市 / 板橋區), with a warning.
  const writtenCounty = placeKey(
    countyCell || parsed.formerCounty || parsed.county || ctx.defaults.county || '',
  );
  const writtenTown = placeKey(townCell || parsed.formerTown || parsed.town || '');
  const current = currentPlaceNames(ctx.gazetteer, writtenCounty, writtenTown);
  let county = current ? current.county : writtenCounty;
  let town = current ? current.town : writtenTown;
  if (current) {
    const column =
      countyCell && county !== writtenCounty
        ? 'county'
        : townCell && town !== writtenTown
          ? 'town'
          : 'address';
    report('former-place-name', column, `${writtenCounty}${writtenTown} → ${county}${town}`);
  }

  const located = locate(record, county, town, ctx, report);
  const { position } = located;
  let village = fields.village?.trim();
  if (located.area) {
    const placed = placeFromPosition(
      {
        county,
        town,
        village,
        countyWritten: Boolean(countyCell) || addressNamesCounty(addresses[0] ?? '', county),
      },
      Boolean(townCell || parsed.town),
      located.area,
      located.inside === true,
    );
    if (placed.issue) report(placed.issue.code, 'address', placed.issue.value);
    ({ county, town, village } = placed);
  } else if (ctx.defaults.countyInferred && !countyCell && town && county === ctx.defaults.county) {
    // 東區 is a district of five cities: the file's other addresses said which.
    if (!addressNamesCounty(addresses[0] ?? '', county) && ctx.gazetteer.findByTown(town).length > 1)
      report('county-from-file', 'address', county);
  }
  // A file that says its coordinates are a township centroid (our own export) keeps saying so.
  const precision =
    located.precision === 'exact' && APPROXIMATE_WORDS.has((fields.precision ?? '').trim().toLowerCase())
      ? 'approximate-town'
      : located.precision;

  const website = fields.website?.trim() ? safeHttpUrl(fields.website) : null;
  if (fields.website?.trim() && !website) {
    report('invalid-website', 'website', fields.website);
    if (headers.website) keepInExtra(headers.website, fields.website);
  }
  const lastVerified = fields.lastVerified?.trim() ? parseDateCell(fields.lastVerified) : null;
  if (fields.lastVerified?.trim() && !lastVerified) {
    report('invalid-date', 'lastVerified', fields.lastVerified);
    if (headers.lastVerified) keepInExtra(headers.lastVerified, fields.lastVerified);
  }
  // One reading for the page and the build (domain/model/visibility.ts): a value it does not recognise makes
  // the record internal, with a note naming the row.
  const visibilityReading = readVisibility(fields.visibility);
  if (visibilityReading === 'unrecognised')
    report('unrecognised-visibility', 'visibility', fields.visibility);
  const visibility: Visibility = isInternalVisibility(fields.visibility)
    ? 'internal'
    : ctx.defaults.visibility;

  const id =
    stripBidiControls(fields.id ?? '')
      .trim()
      .replace(/^'/, '') || `${stableHash(file)}-${stableHash(`${name}|${rawAddress}`)}`;
  // Optional fields are set only when present (no spread of temporary objects: this runs 100,000 times).
  const resource: { -readonly [K in keyof Resource]: Resource[K] } = {
    id,
    name,
    category,
    services,
    address: rawAddress,
    county,
    town,
    position,
    precision,
    phones: splitPhones(phoneCell),
    source: fields.source?.trim() || ctx.defaults.source,
    visibility,
    extra,
  };
  if (village) resource.village = village;
  const openingHours = fields.openingHours?.trim();
  if (openingHours) resource.openingHours = openingHours;
  if (website) resource.website = website;
  const description = fields.description?.trim();
  if (description) resource.description = description;
  if (lastVerified) resource.lastVerified = lastVerified;
  return { resource, issues };
}

const ADDRESS_SEPARATORS = /[;；、\n]/;

function inPratas([lat, lng]: LatLng): boolean {
  return lat >= 20.65 && lat <= 20.8 && lng >= 116.65 && lng <= 116.8;
}

/** How far off the simplified boundaries a position may lie and still be in Taiwan (piers, islets, shores). */
const NEAR_SHORE_METRES = 3000;

/** The coordinate system the lat/lng headers name, once per file (every record shares the headers object). */
const headerCrs = new WeakMap<RawRecord['headers'], ProjectedCrs | null>();
function crsOfHeaders(headers: RawRecord['headers']): ProjectedCrs | undefined {
  let crs = headerCrs.get(headers);
  if (crs === undefined) {
    crs = crsFromHeaders(headers.lat, headers.lng) ?? null;
    headerCrs.set(headers, crs);
  }
  return crs ?? undefined;
}

function splitList(raw: string): string[] {
  return raw
    .split(/[;；,，、|/\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function locate(
  record: RawRecord,
  county: string,
  town: string,
  ctx: BuildContext,
  report: (code: LoadIssueCode, field?: 'lat' | 'lng' | 'address', value?: string) => void,
): { position: LatLng | null; precision: LocationPrecision; area?: Area; inside?: boolean } {
  const gazetteer = ctx.gazetteer;
  const hint = ctx.defaults.crs ?? crsOfHeaders(record.headers);
  const exact = exactPosition(record, report, hint, county);
  if (exact && ctx.boundaries) {
    const inside = placeOf(exact, ctx.boundaries);
    const area = inside ?? placeOf(exact, ctx.boundaries, NEAR_SHORE_METRES);
    if (area) return { position: exact, precision: 'exact', area, inside: inside !== undefined };
    // The boundaries have no polygon for 東沙 (Pratas, 高雄市旗津區): its box still counts as Taiwan.
    if (inPratas(exact)) return { position: exact, precision: 'exact' };
    // Inside the old boxes of Kinmen and Matsu but in no township: Xiamen, Fuzhou, the sea.
    report('coordinates-outside-taiwan', 'lat', `${exact[0]}, ${exact[1]}`);
  } else if (exact) return { position: exact, precision: 'exact' };
  if (record.otherGeometry) report('non-point-geometry', undefined, record.otherGeometry);
  const township = town ? (gazetteer.find(county, town) ?? uniqueTown(gazetteer, town)) : undefined;
  if (township) {
    report('approximate-location', 'address', `${township.county}${township.town}`);
    return { position: township.centroid, precision: 'approximate-town' };
  }
  report('missing-location', 'address', record.fields.address ?? '');
  return { position: null, precision: 'missing' };
}

function uniqueTown(gazetteer: Gazetteer, town: string) {
  const matches = gazetteer.findByTown(town);
  return matches.length === 1 ? matches[0] : undefined;
}

function exactPosition(
  record: RawRecord,
  report: (code: LoadIssueCode, field?: 'lat' | 'lng', value?: string) => void,
  hint: ProjectedCrs | undefined,
  county: string,
): LatLng | null {
  let lat: number | null;
  let lng: number | null;
  if (record.point) {
    const p = lngLatToLatLng(record.point);
    [lat, lng] = [p[0], p[1]];
  } else {
    const rawLat = record.fields.lat ?? '';
    const rawLng = record.fields.lng ?? '';
    if (rawLat.trim() === '' && rawLng.trim() === '') return null;
    lat = parseCoordinate(rawLat);
    lng = parseCoordinate(rawLng);
    if (lat === null || lng === null) {
      report('coordinates-invalid', lat === null ? 'lat' : 'lng', `${rawLat}, ${rawLng}`);
      return null;
    }
  }
  if (looksProjected(lat, lng)) {
    // Metres (TWD97/TWD67 TM2): the lat column holds the northing (Y), the lng column the easting (X).
    const { easting, northing } = orderEastingNorthing(lng, lat);
    const projected = projectToWgs84(easting, northing, hint, county);
    report('projected-coordinates', 'lat', `${projected.crs} ${easting}, ${northing}`);
    [lng, lat] = projected.lngLat;
  }
  const check = checkLatLng(lat, lng);
  const value = `${lat}, ${lng}`;
  switch (check.kind) {
    case 'ok':
      return check.position;
    case 'swapped':
      report('swapped-coordinates', 'lat', value);
      return check.position;
    case 'zero':
      report('coordinates-zero', 'lat', value);
      return null;
    case 'out-of-range':
      report('coordinates-invalid', 'lat', value);
      return null;
    case 'outside-taiwan':
      report('coordinates-outside-taiwan', 'lat', value);
      return null;
  }
}
