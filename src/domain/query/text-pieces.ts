/**
 * The records' own search texts, in display order, kept in pieces of consecutive records (SearchColumns.pieces):
 * a search scans each piece with one native string search, and a change to one record cuts only its piece. One
 * string of every text (millions of characters) would be copied whole by each change — and, being cut, copied
 * once more by the next search that reads it.
 */
export interface TextPieces {
  /** The texts of consecutive records, joined by U+0002 within a piece. No piece is empty. */
  readonly pieces: readonly string[];
  /** The display position each piece starts at, with one more entry: the number of records. */
  readonly pieceStarts: Int32Array;
  /** Where each record's text starts in its piece, by display position. */
  readonly starts: Int32Array;
}

/** How many records a piece is built with. A piece that grows to twice as many is split in two. */
export const PIECE_RECORDS = 1024;

/** The piece that holds display position k (0 ≤ k < the number of records): a binary search. */
export function pieceOf(text: TextPieces, k: number): number {
  const { pieceStarts } = text;
  let low = 0;
  let high = pieceStarts.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((pieceStarts[mid] as number) <= k) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Where the text of record k, in piece c, ends (its separator, or the end of the piece). */
function endOf(text: TextPieces, c: number, k: number): number {
  return k + 1 < (text.pieceStarts[c + 1] as number)
    ? (text.starts[k + 1] as number) - 1
    : (text.pieces[c] as string).length;
}

/** The own text of the record at display position k. */
export function textAt(text: TextPieces, k: number): string {
  const c = pieceOf(text, k);
  return (text.pieces[c] as string).slice(text.starts[k], endOf(text, c, k));
}

/**
 * The display positions whose own text contains the term, ascending. The term holds no control characters,
 * so a match never spans two records.
 */
export function textMatches(text: TextPieces, term: string): number[] {
  const { pieces, pieceStarts, starts } = text;
  const out: number[] = [];
  for (let c = 0; c < pieces.length; c++) {
    const piece = pieces[c] as string;
    const end = pieceStarts[c + 1] as number;
    let k = pieceStarts[c] as number;
    let at = piece.indexOf(term);
    while (at !== -1) {
      while (k + 1 < end && (starts[k + 1] as number) <= at) k++;
      out.push(k);
      if (k + 1 >= end) break;
      at = piece.indexOf(term, starts[k + 1] as number);
    }
  }
  return out;
}

/** Pieces built from texts given in display order: one at a time, or runs of another list's pieces. */
export function pieceWriter(count: number) {
  const starts = new Int32Array(count);
  const pieces: string[] = [];
  const pieceStarts: number[] = [0];
  let parts: string[] = [];
  let inPiece = 0;
  let offset = 0;
  let k = 0;
  const close = () => {
    if (inPiece === 0) return;
    pieces.push(parts.join('\u0002'));
    pieceStarts.push(k);
    parts = [];
    inPiece = 0;
    offset = 0;
  };
  return {
    /** The next record's text. */
    add(text: string) {
      starts[k++] = offset;
      parts.push(text);
      offset += text.length + 1;
      if (++inPiece === PIECE_RECORDS) close();
    },
    /** The texts of display positions [from, to) of `source`, copied a piece at a time (a merge's run). */
    addRun(source: TextPieces, from: number, to: number) {
      while (from < to) {
        const c = pieceOf(source, from);
        const upto = Math.min(to, source.pieceStarts[c + 1] as number, from + PIECE_RECORDS - inPiece);
        const a = source.starts[from] as number;
        const b = endOf(source, c, upto - 1);
        for (let m = from; m < upto; m++) starts[k++] = offset + (source.starts[m] as number) - a;
        parts.push((source.pieces[c] as string).slice(a, b));
        offset += b - a + 1;
        inPiece += upto - from;
        from = upto;
        if (inPiece === PIECE_RECORDS) close();
      }
    },
    done(): TextPieces {
      close();
      return { pieces, pieceStarts: Int32Array.from(pieceStarts), starts };
    },
  };
}

/**
 * The texts as one string, records joined by U+0002, and where each starts (one more entry: the length + 1):
 * how a compiled pack stores them.
 */
export function joinedText(text: TextPieces): { joined: string; starts: Int32Array } {
  const n = text.starts.length;
  const starts = new Int32Array(n + 1);
  let base = 0;
  text.pieces.forEach((piece, c) => {
    for (let k = text.pieceStarts[c] as number; k < (text.pieceStarts[c + 1] as number); k++)
      starts[k] = base + (text.starts[k] as number);
    base += piece.length + 1;
  });
  starts[n] = base;
  return { joined: text.pieces.join('\u0002'), starts };
}

/** The pieces of one joined string (see joinedText): each a slice of it, PIECE_RECORDS records long. */
export function piecesOfJoined(joined: string, joinedStarts: Int32Array): TextPieces {
  const n = joinedStarts.length - 1;
  const starts = new Int32Array(n);
  const pieces: string[] = [];
  const pieceStarts: number[] = [];
  for (let first = 0; first < n; first += PIECE_RECORDS) {
    const end = Math.min(n, first + PIECE_RECORDS);
    const a = joinedStarts[first] as number;
    for (let k = first; k < end; k++) starts[k] = (joinedStarts[k] as number) - a;
    pieces.push(joined.slice(a, (joinedStarts[end] as number) - 1));
    pieceStarts.push(first);
  }
  pieceStarts.push(n);
  return { pieces, pieceStarts: Int32Array.from(pieceStarts), starts };
}

/** The texts with `added` as the text of a new record at display position k (those from k on move up one). */
export function textInserted(text: TextPieces, k: number, added: string): TextPieces {
  const n = text.starts.length;
  if (text.pieces.length === 0)
    return { pieces: [added], pieceStarts: Int32Array.of(0, 1), starts: Int32Array.of(0) };
  const c = k === n ? text.pieces.length - 1 : pieceOf(text, k);
  const piece = text.pieces[c] as string;
  const end = text.pieceStarts[c + 1] as number;
  const at = k < end ? (text.starts[k] as number) : piece.length + 1;
  const starts = new Int32Array(n + 1);
  starts.set(text.starts.subarray(0, k));
  starts[k] = at;
  for (let m = k; m < end; m++) starts[m + 1] = (text.starts[m] as number) + added.length + 1;
  starts.set(text.starts.subarray(end), end + 1);
  const pieceStarts = text.pieceStarts.slice();
  for (let d = c + 1; d < pieceStarts.length; d++) pieceStarts[d] = (pieceStarts[d] as number) + 1;
  const pieces = text.pieces.slice();
  pieces[c] = k < end ? `${piece.slice(0, at)}${added}\u0002${piece.slice(at)}` : `${piece}\u0002${added}`;
  const grown = { pieces, pieceStarts, starts };
  return end + 1 - (text.pieceStarts[c] as number) >= 2 * PIECE_RECORDS ? split(grown, c) : grown;
}

/** The texts with `replacement` as the text of the record at display position k. */
export function textReplaced(text: TextPieces, k: number, replacement: string): TextPieces {
  const c = pieceOf(text, k);
  const piece = text.pieces[c] as string;
  const from = text.starts[k] as number;
  const to = endOf(text, c, k);
  const shift = replacement.length - (to - from);
  let { starts } = text;
  if (shift !== 0) {
    starts = starts.slice();
    for (let m = k + 1; m < (text.pieceStarts[c + 1] as number); m++)
      starts[m] = (starts[m] as number) + shift;
  }
  const pieces = text.pieces.slice();
  pieces[c] = `${piece.slice(0, from)}${replacement}${piece.slice(to)}`;
  return { pieces, pieceStarts: text.pieceStarts, starts };
}

/** The texts without the record at display position k (those after it move down one). */
export function textRemoved(text: TextPieces, k: number): TextPieces {
  const n = text.starts.length;
  const c = pieceOf(text, k);
  const first = text.pieceStarts[c] as number;
  const end = text.pieceStarts[c + 1] as number;
  const starts = new Int32Array(n - 1);
  starts.set(text.starts.subarray(0, k));
  const pieceStarts = new Int32Array(text.pieceStarts.length - (end - first === 1 ? 1 : 0));
  for (let d = 0, out = 0; d < text.pieceStarts.length; d++) {
    // A piece of this one record goes with it: its start is left out.
    if (end - first === 1 && d === c + 1) continue;
    pieceStarts[out++] = (text.pieceStarts[d] as number) - (d > c ? 1 : 0);
  }
  if (end - first === 1) {
    starts.set(text.starts.subarray(k + 1), k);
    return { pieces: text.pieces.toSpliced(c, 1), pieceStarts, starts };
  }
  const piece = text.pieces[c] as string;
  const from = text.starts[k] as number;
  // The last record of a piece takes the separator before it; any other, the one after it.
  const next = k + 1 < end ? (text.starts[k + 1] as number) : piece.length;
  const shift = next - from;
  for (let m = k + 1; m < end; m++) starts[m - 1] = (text.starts[m] as number) - shift;
  starts.set(text.starts.subarray(end), end - 1);
  const pieces = text.pieces.slice();
  pieces[c] = k + 1 < end ? `${piece.slice(0, from)}${piece.slice(next)}` : piece.slice(0, from - 1);
  return { pieces, pieceStarts, starts };
}

/** The texts with piece c cut in two halves (it grew to twice the size pieces are built with). */
function split(text: TextPieces, c: number): TextPieces {
  const first = text.pieceStarts[c] as number;
  const end = text.pieceStarts[c + 1] as number;
  const mid = first + ((end - first) >>> 1);
  const piece = text.pieces[c] as string;
  const at = text.starts[mid] as number;
  const starts = text.starts.slice();
  for (let m = mid; m < end; m++) starts[m] = (starts[m] as number) - at;
  const pieceStarts = new Int32Array(text.pieceStarts.length + 1);
  pieceStarts.set(text.pieceStarts.subarray(0, c + 1));
  pieceStarts[c + 1] = mid;
  pieceStarts.set(text.pieceStarts.subarray(c + 1), c + 2);
  return {
    pieces: text.pieces.toSpliced(c, 1, piece.slice(0, at - 1), piece.slice(at)),
    pieceStarts,
    starts,
  };
}
