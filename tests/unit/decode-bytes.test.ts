import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/domain/decode-bytes.ts';
import { readBytes, sharedDataFile } from './fixture-paths.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
// 臺南市 in Big5 (CP950): 臺 BB 4F, 南 AB 6E, 市 A5 AB.
const big5TainanCity = new Uint8Array([0xbb, 0x4f, 0xab, 0x6e, 0xa5, 0xab]);

describe('decodeBytes', () => {
  it.each([
    {
      case: 'UTF-8 without BOM',
      bytes: utf8('名稱,地址\n臺南市'),
      text: '名稱,地址\n臺南市',
      encoding: 'utf-8',
      hadBom: false,
    },
    {
      case: 'UTF-8 with BOM (BOM dropped)',
      bytes: withBom(utf8('名稱')),
      text: '名稱',
      encoding: 'utf-8',
      hadBom: true,
    },
    { case: 'plain ASCII', bytes: utf8('name,lat'), text: 'name,lat', encoding: 'utf-8', hadBom: false },
    { case: 'empty file', bytes: new Uint8Array(), text: '', encoding: 'utf-8', hadBom: false },
    {
      case: 'Big5 bytes (invalid UTF-8)',
      bytes: big5TainanCity,
      text: '臺南市',
      encoding: 'big5',
      hadBom: false,
    },
  ] as const)('$case', ({ bytes, text, encoding, hadBom }) => {
    expect(decodeBytes(bytes)).toEqual({ text, encoding, hadBom });
  });

  it('detects the Big5 population file and reads its Chinese headers and place names', () => {
    const decoded = decodeBytes(readBytes(sharedDataFile('tainan-area-population-big5.csv')));
    expect(decoded.encoding).toBe('big5');
    expect(decoded.text).toContain('鄉鎮市區名稱');
    expect(decoded.text).toContain('臺南市');
    expect(decoded.text).not.toContain('\uFFFD');
  });

  it('reads the BOM + CRLF Tainan file as UTF-8 and drops the BOM', () => {
    const decoded = decodeBytes(readBytes(sharedDataFile('tainan-building-committees.csv')));
    expect(decoded).toMatchObject({ encoding: 'utf-8', hadBom: true });
    expect(decoded.text.startsWith('編號,')).toBe(true);
    expect(decoded.text).toContain('\r\n');
  });

  it('lets an explicit encoding override detection', () => {
    expect(decodeBytes(big5TainanCity, 'big5').text).toBe('臺南市');
    // Forced UTF-8 on Big5 bytes does not fall back: the bad bytes become replacement characters.
    const forced = decodeBytes(big5TainanCity, 'utf-8');
    expect(forced.encoding).toBe('utf-8');
    expect(forced.text).toContain('\uFFFD');
    // Forced Big5 on a UTF-8 file gives mojibake, not the original text.
    const text = readFileSync(sharedDataFile('taipei-community-care-points.csv'), 'utf8');
    expect(decodeBytes(utf8(text), 'big5').text).not.toBe(text);
  });

  it('strips the BOM when UTF-8 is forced on a file that has one', () => {
    expect(decodeBytes(withBom(utf8('名稱')), 'utf-8')).toEqual({
      text: '名稱',
      encoding: 'utf-8',
      hadBom: true,
    });
  });
});
