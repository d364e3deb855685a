import { describe, expect, it } from 'vitest';
import { splitPhones, toTelUri } from '../../src/domain/model/phone.ts';
import { importBytes } from './import-context.ts';

/** "(05)220-7017" as a hostile file writes it: reversed, with a right-to-left override in front. */
const SPOOFED_PHONE = '\u202E7107-022)50(';

describe('bidirectional controls never reorder phones or identifiers', () => {
  it.each([
    ['\u202E', SPOOFED_PHONE],
    ['\u2067 (isolate)', '\u20670912-345-678\u2069'],
    ['\u200F (mark)', '05-220\u200F7017'],
  ])('a phone with %s: shown text and dialled digits are the same digits in the same order', (_c, raw) => {
    const [phone = ''] = splitPhones(raw);
    expect(phone).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
    expect(toTelUri(raw)).toBe(`tel:${phone.replace(/\D/g, '')}`);
  });

  it('an imported record keeps no control in its phones or its id', () => {
    const csv = `編號,名稱,地址,電話\r\n\u202Eabc-1,甲,嘉義縣民雄鄉中樂路1號,${SPOOFED_PHONE}\r\n`;
    const [record] = importBytes(new TextEncoder().encode(csv), { file: 'bidi.csv' }).resources;
    expect(record?.id).toBe('abc-1');
    expect(record?.phones).toEqual(['7107-022)50(']);
  });
});
