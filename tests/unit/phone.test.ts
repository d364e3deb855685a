import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { splitPhones, toTelUri } from '../../src/domain/model/phone.ts';
import { sharedDataFile } from './fixture-paths.ts';

describe('splitPhones', () => {
  it.each([
    { raw: '', phones: [] },
    { raw: '  ', phones: [] },
    { raw: '(05)220-7017 分機17', phones: ['(05)220-7017 分機17'] },
    { raw: '05-3621150；1925', phones: ['05-3621150', '1925'] },
    { raw: '05-3621150;05-3621151', phones: ['05-3621150', '05-3621151'] },
    { raw: '02-2345-6789、0912-345678', phones: ['02-2345-6789', '0912-345678'] },
    { raw: '02-2345-6789\n0912-345678', phones: ['02-2345-6789', '0912-345678'] },
    { raw: '02-2345-6789  0912-345678', phones: ['02-2345-6789', '0912-345678'] },
    { raw: '02-25505567 0910-381106', phones: ['02-25505567', '0910-381106'] },
    { raw: '(02)2550-5567 (02)2550-5568', phones: ['(02)2550-5567', '(02)2550-5568'] },
    { raw: '02-23456789，02-23456790', phones: ['02-23456789', '02-23456790'] },
    { raw: '05-2207017/05-2207018', phones: ['05-2207017', '05-2207018'] },
    { raw: '05-2207017/2207018', phones: ['05-2207017/2207018'] },
    { raw: '(05) 220-7017', phones: ['(05) 220-7017'] },
    { raw: '02 2550 5567', phones: ['02 2550 5567'] },
    { raw: '+886 5 220 7017', phones: ['+886 5 220 7017'] },
    { raw: '02-28381571#253', phones: ['02-28381571#253'] },
    { raw: '02-2345-6789 ext. 012', phones: ['02-2345-6789 ext. 012'] },
    { raw: '1925 0800-000-123', phones: ['1925 0800-000-123'] },
  ])('$raw → $phones', ({ raw, phones }) => {
    expect(splitPhones(raw)).toEqual(phones);
  });

  it('gives every Taipei care point phone cell dialable numbers of a plausible length', () => {
    const table = parseDelimitedText(
      readFileSync(sharedDataFile('taipei-community-care-points.csv'), 'utf8'),
    );
    const column = table.headers.indexOf('聯絡電話');
    const phones = table.rows.flatMap((row) => splitPhones(row[column] ?? ''));
    const dialled = (phone: string) => toTelUri(phone)?.slice('tel:'.length).split(',')[0] ?? '';
    const implausible = phones.filter((p) => dialled(p).length < 8 || dialled(p).length > 10);
    // One mobile number in the source has 11 digits: a typo in the data, kept as written.
    expect(implausible).toEqual(['0933-7476120']);
    // 505 cells; 7 hold two numbers joined by a space, 2 by a slash.
    expect(phones.length).toBe(505 + 7 + 2);
  });
});

describe('toTelUri', () => {
  it.each([
    { phone: '(05)220-7017 分機17', uri: 'tel:052207017,17' },
    { phone: '(05)220-7017 ext. 17', uri: 'tel:052207017,17' },
    { phone: '(05)220-7017 EXT 17', uri: 'tel:052207017,17' },
    { phone: '02-28381571#253', uri: 'tel:0228381571,253' },
    { phone: '02-2838-1571 轉 253', uri: 'tel:0228381571,253' },
    { phone: '02-25942294分機4071', uri: 'tel:0225942294,4071' },
    { phone: '02-27171393*16', uri: 'tel:0227171393,16' },
    { phone: '（０５）２２０－７０１７', uri: 'tel:052207017' },
    { phone: '+886-5-220-7017', uri: 'tel:+88652207017' },
    { phone: '0910-381106', uri: 'tel:0910381106' },
    { phone: '1925', uri: 'tel:1925' },
    { phone: '113', uri: 'tel:113' },
    { phone: '11', uri: null },
    { phone: '', uri: null },
    { phone: '無', uri: null },
    { phone: 'javascript:alert(1)', uri: null },
  ])('$phone → $uri', ({ phone, uri }) => {
    expect(toTelUri(phone)).toBe(uri);
  });
});
