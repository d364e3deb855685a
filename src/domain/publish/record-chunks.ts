import type { Resource } from '../model/resource.ts';

// Records cross from the dataset worker to the page as JSON text in chunks, written by the build into a pack or by
// the worker from the data files. This module is the format alone: the page reads chunks without loading the
// pack reader (and its compressor) with its first modules.

/**
 * Records per JSON chunk. The page makes a chunk's records when one of them is first read: a marker on its own
 * far out at sea makes its whole chunk, so chunks are small (~1 ms to read).
 */
export const PACK_CHUNK = 256;

/** Chunks per message from the worker: fewer, larger messages; each still a short task. */
export const CHUNKS_PER_MESSAGE = 32;

/** Every field of a Resource, in the order a record chunk lists them. */
const RECORD_KEYS = [
  'id',
  'name',
  'category',
  'services',
  'address',
  'county',
  'town',
  'village',
  'position',
  'precision',
  'phones',
  'openingHours',
  'website',
  'description',
  'source',
  'lastVerified',
  'visibility',
  'extra',
] as const satisfies readonly (keyof Resource)[];
// A field added to Resource and forgotten here would be lost on the way to the page: this fails to compile.
const everyKeyListed: [Exclude<keyof Resource, (typeof RECORD_KEYS)[number]>] extends [never] ? true : false =
  true;
void everyKeyListed;
/** Fields a record may lack (null in a chunk); the others are written as they are, null included. */
const OPTIONAL = new Set<string>(['village', 'openingHours', 'website', 'description', 'lastVerified']);

/**
 * Records as JSON text, PACK_CHUNK per chunk, as the page receives them: each record a list of its fields in
 * RECORD_KEYS order (field names written once per file rather than once per record: a quarter less to
 * download and decompress).
 */
export function* recordChunks(resources: readonly Resource[]): Generator<string> {
  for (let start = 0; start < resources.length; start += PACK_CHUNK) {
    const rows = resources.slice(start, start + PACK_CHUNK).map((r) => RECORD_KEYS.map((k) => r[k] ?? null));
    yield JSON.stringify(rows);
  }
}

/** The records of one chunk written by recordChunks, equal to the ones written. */
export function parseRecordChunk(json: string): Resource[] {
  const rows = JSON.parse(json) as unknown[][];
  return rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (let k = 0; k < RECORD_KEYS.length; k++) {
      const value = row[k];
      const key = RECORD_KEYS[k] as string;
      if (value !== null || !OPTIONAL.has(key)) record[key] = value;
    }
    return record as unknown as Resource;
  });
}
