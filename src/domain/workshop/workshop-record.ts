import { type Gazetteer, parseAddress, placeKey, type Township } from '../geo/gazetteer.ts';
import type { LatLng } from '../model/coordinates.ts';
import { splitPhones } from '../model/phone.ts';
import type { Resource } from '../model/resource.ts';
import { START_YEAR_COLUMN } from '../query/start-year.ts';

/**
 * Columns that mark a record as changed in a workshop. They travel in `extra`, so they survive an export and a
 * re-import through the ordinary loading chain, and the office sees them as plain columns.
 */
export const WORKSHOP_COLUMNS = {
  change: '工作坊異動',
  date: '工作坊日期',
  facilitator: '工作坊記錄者',
} as const;

/** What the workshop did to a record. Written in Chinese in files, so an office reads it without a legend. */
export type WorkshopChange = 'added' | 'edited' | 'deleted';

const CHANGE_WORDS: Record<WorkshopChange, string> = { added: '新增', edited: '修改', deleted: '刪除' };

/** The word a file carries for a change (新增 / 修改 / 刪除). */
export function changeWord(change: WorkshopChange): string {
  return CHANGE_WORDS[change];
}

/** Reads a change word back (also accepts the English ids); undefined for anything else. */
export function parseChangeWord(raw: string | undefined): WorkshopChange | undefined {
  const text = (raw ?? '').trim().toLowerCase();
  return (Object.keys(CHANGE_WORDS) as WorkshopChange[]).find((c) => c === text || CHANGE_WORDS[c] === text);
}

/** The workshop mark of a record, if it has one. */
export function workshopMark(
  resource: Resource,
): { change: WorkshopChange; date: string; facilitator: string } | undefined {
  const change = parseChangeWord(resource.extra[WORKSHOP_COLUMNS.change]);
  if (!change) return undefined;
  return {
    change,
    date: resource.extra[WORKSHOP_COLUMNS.date] ?? '',
    facilitator: resource.extra[WORKSHOP_COLUMNS.facilitator] ?? '',
  };
}

/** The fields of the short add/edit form, as typed. */
export interface WorkshopDraft {
  readonly name: string;
  readonly category: string;
  readonly services: readonly string[];
  readonly address: string;
  readonly phone: string;
  readonly note: string;
  /** 設立年度 as typed (western or ROC year); optional. */
  readonly startYear: string;
}

/** Who and when: stamped on every record the workshop adds or edits. */
export interface WorkshopStamp {
  /** ISO date YYYY-MM-DD. */
  readonly date: string;
  readonly facilitator: string;
}

/** The township whose centroid lies nearest to a point: the default place of a record added by clicking. */
export function nearestTownship(townships: readonly Township[], position: LatLng): Township | undefined {
  let best: Township | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  const cosLat = Math.cos((position[0] * Math.PI) / 180);
  for (const t of townships) {
    const dLat = t.centroid[0] - position[0];
    const dLng = (t.centroid[1] - position[1]) * cosLat;
    const score = dLat * dLat + dLng * dLng;
    if (score < bestScore) [best, bestScore] = [t, score];
  }
  return best;
}

/** A form filled with defaults for a click: the township's name as the start of the address. */
export function draftForPlace(township: Township | undefined, category: string): WorkshopDraft {
  return {
    name: '',
    category,
    services: [],
    address: township ? `${township.county}${township.town}` : '',
    phone: '',
    note: '',
    startYear: '',
  };
}

/** The form's values for an existing record (edit). */
export function draftFromResource(resource: Resource): WorkshopDraft {
  return {
    name: resource.name,
    category: resource.category,
    services: resource.services,
    address: resource.address,
    phone: resource.phones.join('；'),
    note: resource.description ?? '',
    startYear: resource.extra[START_YEAR_COLUMN] ?? '',
  };
}

/** Why a draft cannot be saved yet (issue codes; the UI translates them). */
export type DraftProblem = 'name-required' | 'category-required' | 'start-year-invalid';

/** Checks a draft; an empty list means it can be saved. */
export function draftProblems(draft: WorkshopDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.name.trim() === '') problems.push('name-required');
  if (draft.category.trim() === '') problems.push('category-required');
  if (draft.startYear.trim() !== '' && !/^\d{2,4}$/.test(draft.startYear.normalize('NFKC').trim()))
    problems.push('start-year-invalid');
  return problems;
}

/** County and town for a record: from the address when it names a known township, else from the fallback. */
function placeOf(gazetteer: Gazetteer, address: string, fallback: Township | undefined) {
  const parsed = parseAddress(gazetteer, address, fallback?.county);
  if (parsed.town && parsed.county) return { county: parsed.county, town: parsed.town };
  return { county: parsed.county ?? fallback?.county ?? '', town: fallback?.town ?? '' };
}

function applyDraft(draft: WorkshopDraft, extra: Readonly<Record<string, string>>) {
  const startYear = draft.startYear.normalize('NFKC').trim();
  const nextExtra: Record<string, string> = { ...extra };
  if (startYear) nextExtra[START_YEAR_COLUMN] = startYear;
  else delete nextExtra[START_YEAR_COLUMN];
  return {
    name: draft.name.trim(),
    category: draft.category,
    services: [...draft.services],
    address: draft.address.trim(),
    phones: splitPhones(draft.phone),
    ...(draft.note.trim() ? { description: draft.note.trim() } : {}),
    extra: nextExtra,
  };
}

function stampExtra(stamp: WorkshopStamp, change: WorkshopChange): Record<string, string> {
  return {
    [WORKSHOP_COLUMNS.change]: changeWord(change),
    [WORKSHOP_COLUMNS.date]: stamp.date,
    ...(stamp.facilitator.trim() ? { [WORKSHOP_COLUMNS.facilitator]: stamp.facilitator.trim() } : {}),
  };
}

/**
 * Builds the record for a resource the room named at a clicked point: exact position, marked as a workshop
 * addition with date and facilitator, its source saying so, verified today.
 */
export function createWorkshopResource(
  draft: WorkshopDraft,
  position: LatLng,
  context: { id: string; gazetteer: Gazetteer; stamp: WorkshopStamp },
): Resource {
  const fallback = nearestTownship(context.gazetteer.townships, position);
  const fields = applyDraft(draft, stampExtra(context.stamp, 'added'));
  return {
    id: context.id,
    ...fields,
    ...placeOf(context.gazetteer, fields.address, fallback),
    position,
    precision: 'exact',
    source: workshopSource(context.stamp),
    lastVerified: context.stamp.date,
    visibility: 'public',
  };
}

/** The source text of a workshop record, e.g. 工作坊新增（2026-03-12，王小明）. */
export function workshopSource(stamp: WorkshopStamp): string {
  const who = stamp.facilitator.trim();
  return `工作坊新增（${stamp.date}${who ? `，${who}` : ''}）`;
}

/**
 * Applies the form to an existing record. A workshop addition stays an addition; a source record becomes an
 * edited copy, stamped 修改. The place follows the address when it names another township.
 */
export function editWorkshopResource(
  original: Resource,
  draft: WorkshopDraft,
  context: { gazetteer: Gazetteer; stamp: WorkshopStamp },
): Resource {
  const change = workshopMark(original)?.change === 'added' ? 'added' : 'edited';
  const fields = applyDraft(draft, { ...original.extra, ...stampExtra(context.stamp, change) });
  const { description: _dropped, ...rest } = original;
  const current = context.gazetteer.find(original.county, original.town);
  const addressChanged = placeKey(fields.address) !== placeKey(original.address);
  return {
    ...rest,
    ...fields,
    ...(addressChanged ? placeOf(context.gazetteer, fields.address, current) : {}),
    lastVerified: context.stamp.date,
  };
}

/** Moves a record to a new exact position (a drag or click on the map), stamped as a workshop change. */
export function moveWorkshopResource(
  original: Resource,
  position: LatLng,
  context: { gazetteer: Gazetteer; stamp: WorkshopStamp },
): Resource {
  const change = workshopMark(original)?.change === 'added' ? 'added' : 'edited';
  const township = nearestTownship(context.gazetteer.townships, position);
  const named = parseAddress(context.gazetteer, original.address, original.county);
  // The address wins when it names a township; a record without one takes the township it was dropped in.
  const place = named.town ? {} : township ? { county: township.county, town: township.town } : {};
  return {
    ...original,
    ...place,
    position,
    precision: 'exact',
    extra: { ...original.extra, ...stampExtra(context.stamp, change) },
    lastVerified: context.stamp.date,
  };
}
