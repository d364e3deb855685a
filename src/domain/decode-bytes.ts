/** The encodings the importer reads. */
export type TextEncodingName = 'utf-8' | 'big5';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly hadBom: boolean;
}

/**
 * Bytes → text. A UTF-8 BOM or valid UTF-8 wins; otherwise the bytes are read as Big5 (CP950), the usual
 * encoding of files from Taiwanese government portals: e.g. 臺 is 0xBB 0x4F in Big5, which is
 * not valid UTF-8, so strict UTF-8 decoding fails and Big5 is used. An explicit encoding overrides detection.
 */
export function decodeBytes(bytes: Uint8Array, override?: TextEncodingName): DecodedText {
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (override === 'big5')
    return { text: new TextDecoder('big5').decode(bytes), encoding: 'big5', hadBom: false };
  const body = hadBom ? bytes.subarray(3) : bytes;
  if (override === 'utf-8' || hadBom) {
    return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', hadBom };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', hadBom };
  } catch {
    return { text: new TextDecoder('big5').decode(bytes), encoding: 'big5', hadBom };
  }
}
