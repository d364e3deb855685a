import type { Resource } from '../model/resource.ts';
import { RESOURCE_FIELDS } from '../model/resource-fields.ts';

// Records cross from the dataset worker to the page as JSON text in chunks, written by the build into a pack or by
// the worker from the data files. This module is the format alone: the page reads chunks without loading the
// pack reader (and its compressor) with its first modules.

/**
 * Records per JSON chunk. The page makes a chunk's records when one of them is first read: a marker on its own
 * far out at sea makes its whole chunk, so chunks are small (~1 ms to read).
 */
export const PACK_CHUNK = 256;

/**
 * Chunks per message from the worker: the page parses each message as it arrives, so a message's 2,048 records
 * (a few milliseconds of JSON.parse) stay a short task.
 */
export const CHUNKS_PER_MESSAGE = 8;

/**
 * Every field of a Resource, in the order a record chunk lists them: the field table's order
 * (model/resource-fields.ts), which is therefore part of the pack format.
 */
const RECORD_KEYS: readonly (keyof Resource)[] = RESOURCE_FIELDS.map((field) => field.key);
/** Per position: the field may be absent (null in a chunk, left out when read); others are written as they are. */
const OPTIONAL: readonly boolean[] = RESOURCE_FIELDS.map((field) => field.optional);

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
      if (value !== null || !OPTIONAL[k]) record[RECORD_KEYS[k] as string] = value;
    }
    return record as unknown as Resource;
  });
}
