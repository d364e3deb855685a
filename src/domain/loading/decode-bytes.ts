/** The encodings the importer reads. */
export type TextEncodingName = 'utf-8' | 'big5' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly hadBom: boolean;
}

/**
 * Bytes → text. A byte order mark decides first: EF BB BF is UTF-8, FF FE is UTF-16LE (Excel's "Unicode text"
 * export, tab-separated) and FE FF is UTF-16BE. Without one, UTF-16 is recognised by its zero bytes (see
 * `sniffUtf16`); then valid UTF-8 wins; otherwise the bytes are read as Big5 (CP950), the usual encoding of
 * files from Taiwanese government portals: e.g. 臺 is 0xBB 0x4F in Big5, which is not valid UTF-8, so strict
 * UTF-8 decoding fails and Big5 is used. An explicit encoding overrides detection.
 */
export function decodeBytes(bytes: Uint8Array, override?: TextEncodingName): DecodedText {
  const bom = bomOf(bytes);
  if (override === 'big5')
    return { text: new TextDecoder('big5').decode(bytes), encoding: 'big5', hadBom: false };
  if (override === 'utf-16le' || override === 'utf-16be') return utf16(bytes, override, bom === override);
  if (override === 'utf-8' || bom === 'utf-8') {
    const body = bom === 'utf-8' ? bytes.subarray(3) : bytes;
    return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', hadBom: bom === 'utf-8' };
  }
  if (bom) return utf16(bytes, bom, true);
  const sniffed = sniffUtf16(bytes);
  if (sniffed) return utf16(bytes, sniffed, false);
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      hadBom: false,
    };
  } catch {
    return { text: new TextDecoder('big5').decode(bytes), encoding: 'big5', hadBom: false };
  }
}

function bomOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** TextDecoder drops a leading BOM of the matching byte order itself. */
function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', hadBom: boolean): DecodedText {
  return { text: new TextDecoder(encoding).decode(bytes), encoding, hadBom };
}

const SNIFF_BYTES = 512;

/**
 * UTF-16 without a BOM, from the zero bytes of its ASCII characters (delimiters, line ends, digits, Latin
 * headers): e.g. `name,lat` in UTF-16LE is 6E 00 61 00 6D 00 …, a zero at every odd offset. Text in UTF-8 or
 * Big5 has no zero bytes at all, so the test is: at least 8 zeros and a tenth of the first 256 code units
 * with a zero on one side, fewer than half as many on the other (一 U+4E00, common in addresses as 一段, is
 * 00 4E in UTF-16LE), and the sample decodes without broken surrogate pairs. A start in CJK alone, without
 * ASCII, is left to the BOM.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const units = length / 2;
  const [zeros, otherZeros, encoding] =
    oddZeros >= evenZeros
      ? ([oddZeros, evenZeros, 'utf-16le'] as const)
      : ([evenZeros, oddZeros, 'utf-16be'] as const);
  if (zeros < 8 || zeros * 10 < units || otherZeros * 2 > zeros) return null;
  try {
    // Streaming: a surrogate pair cut by the end of the sample is not an error.
    new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
  } catch {
    return null;
  }
  return encoding;
}
