import { describe, expect, it } from 'vitest';
import { splitAddressAndPhone } from '../../src/domain/model/address-phone.ts';
import { importBytes } from './import-context.ts';

describe('splitAddressAndPhone', () => {
  it.each([
    { cell: '臺南市東區林森路一段1號/06-2345678', address: '臺南市東區林森路一段1號', phones: '06-2345678' },
    {
      cell: '台北市中正區忠孝東路一段1號 (02)2345-6789',
      address: '台北市中正區忠孝東路一段1號',
      phones: '(02)2345-6789',
    },
    { cell: '地址：臺北市大安區1號；電話：02-27001234', address: '臺北市大安區1號', phones: '02-27001234' },
    { cell: '臺中市西區1號(04-22223333)', address: '臺中市西區1號', phones: '04-22223333' },
    {
      cell: '高雄市前鎮區一心路3號 07-1234567 0912-345678',
      address: '高雄市前鎮區一心路3號',
      phones: '07-1234567 0912-345678',
    },
    { cell: '臺北市大安區和平東路2段106號3樓之1', address: undefined, phones: undefined },
    { cell: '0912345678', address: undefined, phones: undefined },
    { cell: '', address: undefined, phones: undefined },
  ])('$cell', ({ cell, address, phones }) => {
    const split = splitAddressAndPhone(cell);
    expect(split?.address).toBe(address);
    expect(split?.phones).toBe(phones);
  });
});

describe('a register whose 服務地址/聯絡電話 cell holds both', () => {
  it('imports the address and the phone apart, with a note', () => {
    const csv = '服務單位名稱,服務地址/聯絡電話\r\n東區文健站,臺南市東區林森路一段1號/06-2345678\r\n';
    const result = importBytes(new TextEncoder().encode(csv), { file: 'register.csv' });
    expect(result.resources[0]).toMatchObject({
      name: '東區文健站',
      address: '臺南市東區林森路一段1號',
      phones: ['06-2345678'],
      county: '臺南市',
      town: '東區',
    });
    expect(result.rows[0]?.issues.map((i) => i.code)).toContain('address-phone-split');
  });
});
