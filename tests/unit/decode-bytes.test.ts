import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/domain/loading/decode-bytes.ts';
import { readBytes, sharedDataFile } from './fixture-paths.ts';
import { utf16Bytes } from './utf16-bytes.ts';

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

const EXCEL_TEXT = '名稱\t地址\t緯度\t經度\r\n臺南市東區關懷據點\t臺南市東區大學路1號\t22.99\t120.22\r\n';
// Chinese-heavy rows: 一 (U+4E00) is 00 4E in UTF-16LE, a zero byte on the "wrong" side; 𡘙 is a surrogate pair.
const CHINESE_HEAVY = `名稱\t地址\t電話\r\n${'一心一意關懷據點\t臺北市中正區忠孝東路一段一巷𡘙1號\t02-2345678\r\n'.repeat(12)}`;

describe('decodeBytes: UTF-16', () => {
  it.each([
    { case: 'UTF-16LE with BOM (Excel "Unicode text")', order: 'le', bom: true, encoding: 'utf-16le' },
    { case: 'UTF-16BE with BOM', order: 'be', bom: true, encoding: 'utf-16be' },
    { case: 'UTF-16LE without BOM (zero high bytes)', order: 'le', bom: false, encoding: 'utf-16le' },
    { case: 'UTF-16BE without BOM (zero high bytes)', order: 'be', bom: false, encoding: 'utf-16be' },
  ] as const)('$case', ({ order, bom, encoding }) => {
    expect(decodeBytes(utf16Bytes(EXCEL_TEXT, order, bom))).toEqual({
      text: EXCEL_TEXT,
      encoding,
      hadBom: bom,
    });
    expect(decodeBytes(utf16Bytes(CHINESE_HEAVY, order, bom))).toEqual({
      text: CHINESE_HEAVY,
      encoding,
      hadBom: bom,
    });
  });

  it.each([
    { case: 'plain ASCII UTF-8', bytes: utf8('name,lat,lng\r\nA,23.5,120.4\r\n'), encoding: 'utf-8' },
    { case: 'Chinese UTF-8', bytes: utf8(EXCEL_TEXT), encoding: 'utf-8' },
    { case: 'Big5', bytes: big5TainanCity, encoding: 'big5' },
    // UTF-8 with a few stray NULs on both sides is not UTF-16.
    {
      case: 'UTF-8 with NUL bytes at both offsets',
      bytes: utf8('a\0\0b\0c\0\0d\0e\0\0f\0g\0\0h\0i\0\0j\0k\0\0l\0m\0\0n\0'),
      encoding: 'utf-8',
    },
    // Too few zeros to tell: a UTF-16LE start without any ASCII is not guessed (the BOM decides such files).
    {
      case: 'UTF-16LE of CJK only, no BOM',
      bytes: utf16Bytes('臺南市東區大學路', 'le', false),
      encoding: 'big5',
    },
    // Zeros at every odd offset, but unit D800 followed by 0041 is a lone surrogate: not UTF-16.
    {
      case: 'zero bytes with a lone surrogate',
      bytes: new Uint8Array([
        ...utf16Bytes('abcdefgh', 'le', false),
        0x00,
        0xd8,
        0x41,
        0x00,
        ...utf16Bytes('ijk', 'le', false),
      ]),
      encoding: 'big5',
    },
  ] as const)('not UTF-16: $case', ({ bytes, encoding }) => {
    expect(decodeBytes(bytes).encoding).toBe(encoding);
  });

  it('lets an explicit UTF-16 encoding override detection, and UTF-8 or Big5 override a UTF-16 BOM', () => {
    expect(decodeBytes(utf16Bytes('臺南市東區', 'le', false), 'utf-16le')).toEqual({
      text: '臺南市東區',
      encoding: 'utf-16le',
      hadBom: false,
    });
    expect(decodeBytes(utf16Bytes('臺南市', 'be', true), 'utf-16be')).toEqual({
      text: '臺南市',
      encoding: 'utf-16be',
      hadBom: true,
    });
    // The wrong byte order gives other characters, not the original text.
    expect(decodeBytes(utf16Bytes('臺南市', 'le', true), 'utf-16be').text).not.toContain('臺南市');
    expect(decodeBytes(utf16Bytes('名稱', 'le', true), 'utf-8').encoding).toBe('utf-8');
    expect(decodeBytes(utf16Bytes('名稱', 'le', true), 'big5').encoding).toBe('big5');
  });

  it('reads the Taipei care points as Excel\'s tab-separated "Unicode text" exactly as the UTF-8 original', () => {
    const text = readFileSync(sharedDataFile('taipei-community-care-points.csv'), 'utf8').replace(/,/g, '\t');
    for (const order of ['le', 'be'] as const) {
      for (const bom of [true, false]) {
        const decoded = decodeBytes(utf16Bytes(text, order, bom));
        expect(decoded.encoding).toBe(`utf-16${order}`);
        expect(decoded.text === text).toBe(true);
      }
    }
  });
});
