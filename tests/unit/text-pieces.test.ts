import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  joinedText,
  PIECE_RECORDS,
  pieceOf,
  piecesOfJoined,
  pieceWriter,
  type TextPieces,
  textAt,
  textInserted,
  textMatches,
  textRemoved,
  textReplaced,
} from '../../src/domain/query/text-pieces.ts';

/** Pieces written one text at a time: what a fresh build of these texts holds. */
function written(texts: readonly string[]): TextPieces {
  const writer = pieceWriter(texts.length);
  for (const t of texts) writer.add(t);
  return writer.done();
}

/** What the pieces say, in the obvious terms: every record's text, and the records a term is found in. */
function expectSame(pieces: TextPieces, texts: readonly string[]) {
  expect(pieces.starts).toHaveLength(texts.length);
  expect(pieces.pieceStarts[0]).toBe(0);
  expect(pieces.pieceStarts.at(-1)).toBe(texts.length);
  expect(pieces.pieceStarts).toHaveLength(pieces.pieces.length + 1);
  for (let c = 0; c < pieces.pieces.length; c++) {
    // No piece is empty, and none has grown past twice the size pieces are built with.
    const records = (pieces.pieceStarts[c + 1] as number) - (pieces.pieceStarts[c] as number);
    expect(records).toBeGreaterThan(0);
    expect(records).toBeLessThan(2 * PIECE_RECORDS);
  }
  expect(texts.map((_, k) => textAt(pieces, k))).toEqual(texts);
  for (const term of ['a', 'b1', '7', 'zz', 'x9']) {
    const expected = texts.flatMap((t, k) => (t.includes(term) ? [k] : []));
    expect(textMatches(pieces, term)).toEqual(expected);
  }
  const { joined, starts } = joinedText(pieces);
  expect(joined).toBe(texts.join('\u0002'));
  // (one more entry: the end, past a separator after the last text; 0 when there is none)
  expect(starts.at(-1)).toBe(texts.length === 0 ? 0 : joined.length + 1);
  expect(piecesOfJoined(joined, starts)).toEqual(written(texts));
}

const someTexts = (n: number, seed: string) =>
  Array.from({ length: n }, (_, k) => `${seed}${k % 7 === 0 ? 'a' : 'b'}${k}`);

type Change = readonly ['insert' | 'replace' | 'remove', number, string];

/** One change applied both ways: to the list of texts, and to the pieces. */
function apply(texts: string[], pieces: TextPieces, [kind, at, text]: Change): TextPieces {
  if (kind === 'insert' || texts.length === 0) {
    const k = at % (texts.length + 1);
    texts.splice(k, 0, text);
    return textInserted(pieces, k, text);
  }
  const k = at % texts.length;
  if (kind === 'replace') {
    texts[k] = text;
    return textReplaced(pieces, k, text);
  }
  texts.splice(k, 1);
  return textRemoved(pieces, k);
}

describe('texts in pieces, changed one record at a time', () => {
  const n = 3 * PIECE_RECORDS + 17;
  const start = someTexts(n, 'r');
  const fresh = written(start);
  // At a piece's first and last record, the very first and last, and inside.
  const edges = [0, 1, PIECE_RECORDS - 1, PIECE_RECORDS, PIECE_RECORDS + 1, 2 * PIECE_RECORDS, n - 1];
  const cases: [string, Change[]][] = [
    ...edges.map((k): [string, Change[]] => [`a text replaced at ${k}`, [['replace', k, 'x9 new text']]]),
    ...edges.map((k): [string, Change[]] => [
      `a text replaced by an empty one at ${k}`,
      [['replace', k, '']],
    ]),
    ...edges.map((k): [string, Change[]] => [`a text inserted at ${k}`, [['insert', k, 'zz inserted']]]),
    ['a text added at the end', [['insert', n, 'zz last']]],
    ...edges.map((k): [string, Change[]] => [`a text removed at ${k}`, [['remove', k, '']]]),
    [
      "a piece's every record removed (the piece goes)",
      Array.from({ length: PIECE_RECORDS }, (): Change => ['remove', PIECE_RECORDS, '']),
    ],
    [
      'a piece grown to twice its size (it is split)',
      Array.from({ length: PIECE_RECORDS + 5 }, (_, i): Change => ['insert', 10 + i, `zz${i}`]),
    ],
  ];

  it.each(cases)('say what a list of texts says: %s', (_, changes) => {
    const texts = [...start];
    let pieces = fresh;
    for (const change of changes) pieces = apply(texts, pieces, change);
    expectSame(pieces, texts);
  });

  it('leave the pieces they were given as they were', () => {
    const before = structuredClone(fresh);
    textInserted(fresh, 5, 'zz');
    textReplaced(fresh, 6, 'zz');
    textRemoved(fresh, PIECE_RECORDS);
    expect(fresh).toEqual(before);
  });

  it('build up from nothing and back to nothing', () => {
    const texts: string[] = [];
    let pieces = written([]);
    for (let i = 0; i < 40; i++) pieces = apply(texts, pieces, ['insert', i * 7, `zz${i}`]);
    expectSame(pieces, texts);
    while (texts.length > 0) pieces = apply(texts, pieces, ['remove', 3, '']);
    expectSame(pieces, texts);
    expect(pieces.pieces).toEqual([]);
  });

  it('say what a list of texts says after any changes', () => {
    const change = fc.tuple(
      fc.constantFrom('insert', 'replace', 'remove'),
      fc.nat(10_000),
      fc.stringMatching(/^[abxz179]{0,6}$/),
    );
    fc.assert(
      fc.property(fc.array(change, { maxLength: 30 }), (changes) => {
        const texts = someTexts(2 * PIECE_RECORDS + 3, 's');
        let pieces = written(texts);
        for (const c of changes) pieces = apply(texts, pieces, c as Change);
        expectSame(pieces, texts);
      }),
      { numRuns: 40 },
    );
  });

  it('find the piece of a record by its display position', () => {
    expect(pieceOf(fresh, 0)).toBe(0);
    expect(pieceOf(fresh, PIECE_RECORDS - 1)).toBe(0);
    expect(pieceOf(fresh, PIECE_RECORDS)).toBe(1);
    expect(pieceOf(fresh, n - 1)).toBe(3);
  });
});
