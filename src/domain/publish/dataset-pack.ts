import { deflateSync, inflateSync } from 'fflate';
import type { ClusterLevels } from '../geo/cluster-levels.ts';
import type { PositionColumns } from '../geo/position-columns.ts';
import type { FileReport, LoadedDataset } from '../loading/load-dataset.ts';
import { countIssuesByCode, type IssueCounts } from '../model/load-issues.ts';
import type { Manifest } from '../model/manifest.ts';
import { type AreaOption, areaOptionsOf } from '../query/area-options.ts';
import type { IndexParts } from '../query/index-parts.ts';
import type { PackedSearchColumns, SearchColumns } from '../query/search-columns.ts';
import { joinedText } from '../query/text-pieces.ts';
import { recordChunks } from './record-chunks.ts';

/**
 * A data folder compiled at build time: the result of the loading chain (records, load report) and the index
 * parts the page needs, so that opening the map costs a download and no parsing. Records are kept as JSON text
 * in chunks, which the page reads one chunk per task.
 *
 * Layout: "CRMP", a little-endian uint32 header length, the header (UTF-8 JSON, raw DEFLATE), then the
 * sections the header lists, each compressed on its own and starting at a multiple of 8 bytes.
 * Since format 2 the search text is stored as UTF-16LE (format 1: UTF-8): for Chinese text it is smaller both raw
 * and compressed, and much faster to decode. Since format 3 the load report's issues are a section of their own
 * (JSON), which a reader passes on as text instead of parsing it with the header.
 */
export const PACK_FORMAT = 4;
const MAGIC = 'CRMP';

interface Section {
  readonly offset: number;
  readonly length: number;
  /** Set when the section is stored DEFLATE-compressed: its length once inflated. */
  readonly rawLength?: number;
}

type ColumnLabels = Omit<
  SearchColumns,
  'pieces' | 'pieceStarts' | 'starts' | 'category' | 'tagBits' | 'county' | 'town'
>;

/** A file the pack was compiled from, and its size as shipped: a file served at another size means a stale pack. */
export interface PackSource {
  readonly path: string;
  readonly bytes: number;
}

/** What a pack and a positions file both start with. */
interface PositionsHeader {
  readonly format: number;
  /** manifestKey() of the manifest the pack was compiled with: another manifest means the pack is stale. */
  readonly manifestKey: string;
  readonly sources: readonly PackSource[];
  readonly sections: Readonly<Record<string, Section>>;
  /** A positions file's: the cluster index's farthest zooms (domain/geo/cluster-levels.ts), checked by its reader. */
  readonly clusterLevels?: unknown;
}

/**
 * What the page would otherwise work out from the data as it lands (each a pass over every record or issue, in
 * code not yet compiled): computed at build time, and primed where the page looks them up.
 */
export interface PackSummaries {
  readonly areaOptions: readonly AreaOption[];
  readonly issueCounts: IssueCounts;
}

interface PackHeader extends PositionsHeader {
  readonly count: number;
  readonly summaries: PackSummaries;
  readonly issueCount: number;
  readonly files: FileReport[];
  readonly internalCount: number;
  readonly labels: ColumnLabels;
  readonly joinedAsJson: boolean;
  readonly chunks: readonly Section[];
}

/** What the page needs from a pack, in the order it needs it. */
export interface DatasetPack {
  readonly manifestKey: string;
  readonly sources: readonly PackSource[];
  readonly count: number;
  readonly summaries: PackSummaries;
  /** The load report's issues as JSON text (a list of LoadIssue): the page parses it only when it reads them. */
  readonly issuesJson: string;
  readonly issueCount: number;
  readonly files: FileReport[];
  readonly internalCount: number;
  /** The display order and positions, and the search columns with their text still as the pack's bytes. */
  readonly order: readonly number[];
  readonly columns: PackedSearchColumns;
  readonly positions: PositionColumns;
  readonly startYears: Int32Array;
  /** Records, PACK_CHUNK per chunk, in resource order, each chunk compressed (recordChunkText gives its JSON). */
  readonly chunks: readonly Uint8Array[];
}

/** Thrown when bytes are not a pack this code can read. */
export class PackFormatError extends Error {}

/**
 * A short, stable key of a manifest's content (FNV-1a over its JSON, 2 × 32 bits): the pack remembers the
 * manifest it was compiled with, and a page that finds another manifest loads the files themselves.
 */
function contentKey(manifest: unknown): string {
  const text = JSON.stringify(manifest);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * The key a pack carries of the manifest it was compiled for: its content without the entries the build adds
 * (pack, packPositions), so that the shipped manifest and the one compiled from give the same key.
 */
export function manifestKey(manifest: Manifest): string {
  const { pack: _pack, packPositions: _positions, ...compiledWith } = manifest;
  return contentKey(compiledWith);
}

/** A section of a pack as stored: compressed, with its length once inflated (see readDatasetPack's `inflated`). */
export interface StoredSection {
  readonly name: string;
  readonly stored: Uint8Array;
  readonly rawLength: number;
}

/** Sections a reader inflated itself, by name (e.g. natively, all at once), instead of the pack reader's fflate. */
export type InflatedSections = ReadonlyMap<string, Uint8Array>;

/** Text as UTF-16LE bytes (the code units as they are, lone surrogates included). */
function utf16Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 * i] = unit & 0xff;
    bytes[2 * i + 1] = unit >> 8;
  }
  return bytes;
}

/** No lone surrogates (String.prototype.isWellFormed, ES2024, spelled out for the ES2022 target). */
const isWellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

const align8 = (n: number) => Math.ceil(n / 8) * 8;

const view = (array: ArrayBufferView) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/**
 * Sections laid out one after the other, each at a multiple of 8 bytes, compressed one by one (raw DEFLATE):
 * the page inflates the index sections when the pack arrives, and each record chunk only when it is first
 * used. Then the file, with its header (compressed too).
 */
function sectionLayout() {
  const blobs: Uint8Array[] = [];
  let cursor = 0;
  return {
    add(raw: Uint8Array): Section {
      const bytes = deflateSync(raw, { level: 6 });
      const section = { offset: cursor, length: bytes.byteLength, rawLength: raw.byteLength };
      blobs.push(bytes);
      cursor = align8(cursor + bytes.byteLength);
      return section;
    },
    file(header: object): Uint8Array {
      const headerBytes = deflateSync(new TextEncoder().encode(JSON.stringify(header)), { level: 6 });
      const bodyStart = align8(8 + headerBytes.byteLength);
      const out = new Uint8Array(bodyStart + cursor);
      out.set(new TextEncoder().encode(MAGIC), 0);
      new DataView(out.buffer).setUint32(4, headerBytes.byteLength, true);
      out.set(headerBytes, 8);
      let offset = bodyStart;
      for (const blob of blobs) {
        out.set(blob, offset);
        offset = align8(offset + blob.byteLength);
      }
      return out;
    },
  };
}

/** A section's bytes as written: inflated when it was stored compressed (here, unless `given` already is). */
function sectionBytes(bytes: Uint8Array, at: number, s: Section, given?: Uint8Array): Uint8Array {
  const stored = bytes.subarray(at, at + s.length);
  if (s.rawLength === undefined) return stored;
  const raw = given ?? inflateSync(stored, { out: new Uint8Array(s.rawLength) });
  if (raw.byteLength !== s.rawLength) throw new PackFormatError('dataset pack section is damaged');
  return raw;
}

/** Compiles a loaded dataset and its index parts into pack bytes. */
export function writeDatasetPack(input: {
  readonly manifestKey: string;
  readonly sources: readonly PackSource[];
  readonly dataset: LoadedDataset;
  readonly parts: IndexParts;
  readonly startYears: Int32Array;
  readonly internalCount: number;
}): Uint8Array {
  const { dataset, parts } = input;
  const { columns, positions } = parts;
  const utf8 = new TextEncoder();
  const layout = sectionLayout();
  const { add } = layout;
  // The texts as one string (the pieces are a page's way of changing them; a pack stores them whole).
  const text = joinedText(columns);
  const joinedAsJson = !isWellFormed(text.joined);
  const sections = {
    lat: add(view(positions.lat)),
    lng: add(view(positions.lng)),
    order: add(view(Int32Array.from(parts.order))),
    starts: add(view(text.starts)),
    category: add(view(columns.category)),
    tagBits: add(view(columns.tagBits)),
    county: add(view(columns.county)),
    town: add(view(columns.town)),
    startYears: add(view(input.startYears)),
    // UTF-16LE; as JSON when it holds a lone surrogate (a decoder would replace it; a JSON string escapes it).
    joined: add(utf16Bytes(joinedAsJson ? JSON.stringify(text.joined) : text.joined)),
    issues: add(utf8.encode(JSON.stringify(dataset.issues))),
  };
  const chunks: Section[] = [];
  for (const json of recordChunks(dataset.resources)) chunks.push(add(utf8.encode(json)));
  const { pieces, pieceStarts, starts, category, tagBits, county, town, ...labels } = columns;
  const header: PackHeader = {
    format: PACK_FORMAT,
    manifestKey: input.manifestKey,
    sources: input.sources,
    count: dataset.resources.length,
    summaries: {
      areaOptions: areaOptionsOf(columns),
      issueCounts: countIssuesByCode(dataset.issues),
    },
    issueCount: dataset.issues.length,
    files: dataset.files,
    internalCount: input.internalCount,
    labels,
    joinedAsJson,
    sections,
    chunks,
  };
  return layout.file(header);
}

/**
 * The positions alone, as a small file of the same format (readPackStart reads either): the page fetches it
 * beside the pack, so that clustering starts long before the records have downloaded.
 */
export function writePositionsFile(input: {
  readonly manifestKey: string;
  readonly sources: readonly PackSource[];
  readonly positions: PositionColumns;
  readonly clusterLevels?: ClusterLevels;
}): Uint8Array {
  const layout = sectionLayout();
  const sections = { lat: layout.add(view(input.positions.lat)), lng: layout.add(view(input.positions.lng)) };
  const header: PositionsHeader = {
    format: PACK_FORMAT,
    manifestKey: input.manifestKey,
    sources: input.sources,
    sections,
    clusterLevels: input.clusterLevels,
  };
  return layout.file(header);
}

/** The header of a pack, or how many bytes of it are needed to read it. */
function headerOf<H extends PositionsHeader>(
  bytes: Uint8Array,
): { header: H; bodyStart: number } | { needed: number } {
  if (bytes.byteLength < 8) return { needed: 8 };
  const text = new TextDecoder();
  if (text.decode(bytes.subarray(0, 4)) !== MAGIC) throw new PackFormatError('not a dataset pack');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(4, true);
  const bodyStart = align8(8 + headerLength);
  if (bodyStart > bytes.byteLength) return { needed: bodyStart };
  const header = JSON.parse(text.decode(inflateSync(bytes.subarray(8, 8 + headerLength)))) as H;
  if (header.format !== PACK_FORMAT) throw new PackFormatError(`dataset pack format ${header.format}`);
  return { header, bodyStart };
}

/**
 * The sections of a pack or positions file that its reader inflates (record chunks, inflated one by one on
 * first use, aside), as stored: a reader may inflate them itself and pass them to readDatasetPack or
 * readPackStart. A pack too short for its header has none.
 */
export function compressedSections(bytes: Uint8Array): StoredSection[] {
  const head = headerOf<PositionsHeader>(bytes);
  if ('needed' in head) return [];
  return Object.entries(head.header.sections).flatMap(([name, s]) => {
    const start = head.bodyStart + s.offset;
    if (s.rawLength === undefined || start + s.length > bytes.byteLength) return [];
    return [{ name, stored: bytes.subarray(start, start + s.length), rawLength: s.rawLength }];
  });
}

/** The start of a pack, as far as it has downloaded: its positions once they are in, or the bytes needed. */
export type PackStart =
  | { readonly needed: number }
  | {
      readonly manifestKey: string;
      readonly sources: readonly PackSource[];
      readonly positions: PositionColumns;
      /** As written (ClusterLevels, or undefined): whoever uses them checks them (parseClusterLevels). */
      readonly clusterLevels: unknown;
    };

/**
 * Reads the positions from a positions file, or from the first bytes of a pack (they come right after the
 * header); with too few bytes, says how many it needs.
 */
export function readPackStart(prefix: Uint8Array, inflated?: InflatedSections): PackStart {
  const head = headerOf<PositionsHeader>(prefix);
  if ('needed' in head) return head;
  const { header, bodyStart } = head;
  const { lat, lng } = header.sections;
  if (!lat || !lng) throw new PackFormatError('dataset pack has no positions');
  const end = bodyStart + Math.max(lat.offset + lat.length, lng.offset + lng.length);
  if (prefix.byteLength < end) return { needed: end };
  // Inflated into a buffer of its own (copied when stored as is), which a worker can transfer.
  const float64 = (name: string, s: Section) =>
    new Float64Array(
      new Uint8Array(sectionBytes(prefix, bodyStart + s.offset, s, inflated?.get(name))).buffer,
    );
  return {
    manifestKey: header.manifestKey,
    sources: header.sources,
    positions: { lat: float64('lat', lat), lng: float64('lng', lng) },
    clusterLevels: header.clusterLevels,
  };
}

/**
 * Reads pack bytes: the index sections are inflated (each into a buffer of its own), or taken from `inflated`;
 * record chunks stay compressed, views of the pack's bytes (see packBuffers for what a worker transfers).
 */
export function readDatasetPack(bytes: Uint8Array, inflated?: InflatedSections): DatasetPack {
  const head = headerOf<PackHeader>(bytes);
  if ('needed' in head) throw new PackFormatError('dataset pack is truncated');
  const { header, bodyStart } = head;
  const { sections } = header;
  const at = (s: Section | undefined): [number, Section] => {
    if (!s || bodyStart + s.offset + s.length > bytes.byteLength) {
      throw new PackFormatError('dataset pack is truncated');
    }
    return [bodyStart + s.offset, s];
  };
  /** A section inflated (a new buffer of its own, aligned for any typed array). */
  const raw = (name: string) => sectionBytes(bytes, ...at(sections[name]), inflated?.get(name));
  const typed =
    <T>(make: (buffer: ArrayBufferLike, offset: number, length: number) => T, size: number) =>
    (name: string) => {
      const section = raw(name);
      return make(section.buffer, section.byteOffset, section.byteLength / size);
    };
  const float64 = typed((b, o, n) => new Float64Array(b, o, n), 8);
  const int32 = typed((b, o, n) => new Int32Array(b, o, n), 4);
  const uint32 = typed((b, o, n) => new Uint32Array(b, o, n), 4);
  const uint16 = typed((b, o, n) => new Uint16Array(b, o, n), 2);
  // The search text stays bytes (UTF-16LE): a worker transfers them, and the page decodes them as they land.
  const columns: PackedSearchColumns = {
    ...header.labels,
    joinedUtf16: raw('joined'),
    joinedAsJson: header.joinedAsJson,
    starts: int32('starts'),
    category: uint16('category'),
    tagBits: uint32('tagBits'),
    county: uint16('county'),
    town: uint32('town'),
  };
  return {
    manifestKey: header.manifestKey,
    sources: header.sources,
    count: header.count,
    summaries: header.summaries,
    issuesJson: new TextDecoder().decode(raw('issues')),
    issueCount: header.issueCount,
    files: header.files,
    internalCount: header.internalCount,
    order: Array.from(int32('order')),
    columns,
    positions: { lat: float64('lat'), lng: float64('lng') },
    startYears: int32('startYears'),
    chunks: header.chunks.map((s) => {
      const [start, section] = at(s);
      return bytes.subarray(start, start + section.length);
    }),
  };
}

/** Every buffer a read pack holds, once each: what a worker transfers to the page with it. */
export function packBuffers(pack: DatasetPack): ArrayBuffer[] {
  const { columns } = pack;
  const arrays: ArrayBufferView[] = [
    columns.joinedUtf16,
    columns.starts,
    columns.category,
    columns.tagBits,
    columns.county,
    columns.town,
    pack.startYears,
    ...pack.chunks,
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
