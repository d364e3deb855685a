import { Inflate } from 'fflate';
import { IMPORT_LIMITS, ImportLimitError } from '../loading/import-limits.ts';

/** One file of a ZIP archive, as its central directory lists it (what every reader, SheetJS too, goes by). */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is refused when inflated. */
  readonly method: number;
  /** Where its data starts, past its local header. */
  readonly dataStart: number;
  /**
   * Bytes of a stored entry: the larger of the sizes the central directory and the local header state, so
   * that a reader trusting either one is covered (a data descriptor leaves the local header's at 0). A
   * deflated entry runs until its stream ends, as SheetJS reads it, whatever size is stated.
   */
  readonly storedLength: number;
}

/** What inflating may use: total bytes out of all the entries inflated, and entries in the archive. */
export interface ZipLimits {
  readonly inflatedBytes: number;
  readonly entries: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;
/** Input fed to the inflater at a time: at most ~16 MB comes out of it, so a bomb is caught within that. */
const STEP = 16 * 1024;

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

/** The archive is not one we can read (a broken or unusual ZIP): reported as an unreadable file. */
function unreadable(): never {
  throw new Error('ZIP');
}

/** Where the end of central directory record is: within the last 64 KB + 22 bytes (its comment's room). */
function findEnd(bytes: Uint8Array): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === EOCD) return at;
  }
  return unreadable();
}

/** The central directory's entry count and start, from the ZIP64 record when the classic one overflows. */
function directory(bytes: Uint8Array): { count: number; start: number } {
  const end = findEnd(bytes);
  const count = u16(bytes, end + 10);
  const start = u32(bytes, end + 16);
  // Entries on this disk and in all: SheetJS reads the first, others the second; a spanned archive is not ours.
  if (u16(bytes, end + 8) !== count) return unreadable();
  if (count !== 0xffff && start !== U32_MAX) return { count, start };
  if (u32(bytes, end - 20) !== EOCD64_LOCATOR) return unreadable();
  const at = u64(bytes, end - 12);
  if (u32(bytes, at) !== EOCD64) return unreadable();
  return { count: u64(bytes, at + 32), start: u64(bytes, at + 48) };
}

/** Sizes and offset a central directory entry left at 0xFFFFFFFF, read from its ZIP64 extra field. */
function zip64Values(bytes: Uint8Array, extraStart: number, extraEnd: number, wanted: number): number[] {
  for (let at = extraStart; at + 4 <= extraEnd; at += 4 + u16(bytes, at + 2)) {
    if (u16(bytes, at) !== 1) continue;
    return Array.from({ length: wanted }, (_, i) => u64(bytes, at + 4 + 8 * i));
  }
  return unreadable();
}

function entryName(raw: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder().decode(raw);
  let name = '';
  for (const byte of raw) name += String.fromCharCode(byte);
  return name;
}

/**
 * The entries of a ZIP archive from its central directory, without inflating anything. Refused past the
 * entry limit before any entry is read; throws Error('ZIP') on an archive that is not well formed.
 */
export function zipEntries(bytes: Uint8Array, limits: ZipLimits = IMPORT_LIMITS.zip): ZipEntry[] {
  const { count, start } = directory(bytes);
  if (count > limits.entries)
    throw new ImportLimitError({ kind: 'zip-entries', limit: limits.entries, found: count });
  const entries: ZipEntry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== CENTRAL) return unreadable();
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const nameStart = at + 46;
    let compressed = u32(bytes, at + 20);
    let offset = u32(bytes, at + 42);
    const overflowing = [u32(bytes, at + 24), compressed, offset].filter((v) => v === U32_MAX).length;
    if (overflowing > 0) {
      // The ZIP64 field holds, in this order, those of uncompressed size, compressed size and offset that overflow.
      const values = zip64Values(bytes, nameStart + nameLength, nameStart + nameLength + extraLength, 3);
      let next = u32(bytes, at + 24) === U32_MAX ? 1 : 0;
      if (compressed === U32_MAX) compressed = values[next++] ?? 0;
      if (offset === U32_MAX) offset = values[next] ?? 0;
    }
    if (offset >= bytes.length || u32(bytes, offset) !== LOCAL) return unreadable();
    const dataStart = offset + 30 + u16(bytes, offset + 26) + u16(bytes, offset + 28);
    const localCompressed = u32(bytes, offset + 18);
    const declared = Math.max(compressed, localCompressed === U32_MAX ? 0 : localCompressed);
    entries.push({
      name: entryName(bytes.subarray(nameStart, nameStart + nameLength), (flags & 0x800) !== 0),
      method,
      dataStart,
      storedLength: Math.max(0, Math.min(declared, bytes.length - dataStart)),
    });
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entries kept, by name, and the bytes inflated in all (kept or only counted). */
export interface InflatedZip {
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly inflatedBytes: number;
}

/**
 * Inflates the entries `wanted` picks, counting every byte that comes out against the limit as it comes: the
 * archive is refused as soon as the total passes it, never inflated whole first. Keeps the data only of
 * entries `keep` picks (a workbook is only counted here; SheetJS reads it once it is known to fit).
 */
export function inflateZip(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  keep: (name: string) => boolean = () => true,
  limits: ZipLimits = IMPORT_LIMITS.zip,
): InflatedZip {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  const count = (length: number) => {
    total += length;
    if (total > limits.inflatedBytes)
      throw new ImportLimitError({ kind: 'zip-inflated', limit: limits.inflatedBytes });
  };
  for (const entry of zipEntries(bytes, limits)) {
    if (!wanted(entry.name)) continue;
    const kept = keep(entry.name);
    if (entry.method === 0) {
      const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.storedLength);
      count(data.length);
      if (kept) out.set(entry.name, data.slice());
    } else if (entry.method === 8) {
      const data = inflateEntry(bytes.subarray(entry.dataStart), count, kept);
      if (data) out.set(entry.name, data);
    } else {
      unreadable();
    }
  }
  return { files: out, inflatedBytes: total };
}

/**
 * Inflates one deflate stream from the start of `data` until it ends (not until a stated size: a reader that
 * inflates to the stream's end would see more than the size says), handing each piece to `count` as it comes.
 */
function inflateEntry(
  data: Uint8Array,
  count: (length: number) => void,
  kept: boolean,
): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => {
    count(chunk.length);
    if (kept) chunks.push(chunk);
  });
  // fflate's state: f is the last block's flag, l the block under way. Past the end, more input would only pile
  // up unread (each push copies it), so feeding stops there.
  const state = (inflater as unknown as { s: { f?: number; l?: unknown } }).s;
  try {
    for (let at = 0; at < data.length && !(state.f && !state.l); at += STEP)
      inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
    unreadable();
  }
  if (!(state.f && !state.l)) unreadable();
  return kept ? joined(chunks) : undefined;
}

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}
