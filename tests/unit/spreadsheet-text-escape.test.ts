import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeCellText, unescapeCellText } from '../../src/domain/files/spreadsheet-text-escape.ts';

describe('the _xHHHH_ escape of workbook cell text', () => {
  it.each([
    // [text, XLSX, ODS]
    ['嘉義縣民雄鄉中樂路35號', '嘉義縣民雄鄉中樂路35號', '嘉義縣民雄鄉中樂路35號'],
    ['  leading', '  leading', '  leading'],
    ['a\nb\tc', 'a\nb\tc', 'a\nb\tc'],
    ['a\r\nb', 'a_x000D_\nb', 'a\r\nb'],
    ['\r', '_x000D_', '\r'],
    ['\u0001', '_x0001_', '_x0001_'],
    ['\u000B\u000C\u001F\u0000', '_x000B__x000C__x001F__x0000_', '_x000B__x000C__x001F__x0000_'],
    ['\\u0001', '\\u0001', '\\u0001'],
    ['_x0041_', '_x005F_x0041_', '_x005F_x0041_'],
    ['_x005F_', '_x005F_x005F_', '_x005F_x005F_'],
    ['_x000D_', '_x005F_x000D_', '_x005F_x000D_'],
    ['_x005F_x0041_', '_x005F_x005F_x005F_x0041_', '_x005F_x005F_x005F_x0041_'],
    ['_x0041_x0042_', '_x005F_x0041_x005F_x0042_', '_x005F_x0041_x005F_x0042_'],
    ['__x0041_', '__x005F_x0041_', '__x005F_x0041_'],
    // "_x0041" before a control: the control's escape starts with "_", so the "_" before it is escaped too.
    ['_x0041\u0001', '_x005F_x0041_x0001_', '_x005F_x0041_x0001_'],
    ['_x0041\r', '_x005F_x0041_x000D_', '_x005F_x0041\r'],
    ['\u0001x0041_', '_x0001_x0041_', '_x0001_x0041_'],
    ['_x004_', '_x004_', '_x004_'],
    ['_x00411', '_x00411', '_x00411'],
    ['_xGGGG_', '_xGGGG_', '_xGGGG_'],
    ['snake_case_x', 'snake_case_x', 'snake_case_x'],
    ['\uFFFE', '_xFFFE_', '_xFFFE_'],
    ['\uD800', '_xD800_', '_xD800_'],
    ['😀', '😀', '😀'],
  ])('%j → XLSX %j, ODS %j', (text, xlsx, ods) => {
    expect(escapeCellText(text, 'xlsx')).toBe(xlsx);
    expect(escapeCellText(text, 'ods')).toBe(ods);
    expect(unescapeCellText(xlsx)).toBe(text);
    expect(unescapeCellText(ods)).toBe(text);
  });

  it.each([
    ['_x0041_', 'A'],
    ['_x005f_x0041_', '_x0041_'],
    ['_x000d__x000a_', '\r\n'],
    ['_x0041', '_x0041'],
    ['x0041_', 'x0041_'],
    ['_x005F_', '_'],
    ['_x005F__x005F_', '__'],
  ])('reads %j as %j (left to right, either case)', (escaped, text) => {
    expect(unescapeCellText(escaped)).toBe(text);
  });

  it('any text comes back from its escape, and the escape holds no character XML cannot hold', () => {
    const piece = fc.constantFrom('_', 'x', '0', '4', '1', 'F', '_x0041_', '_x005F_', '\r', '\n', '\t', ' ');
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc
        .array(fc.oneof(piece, fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 12 })
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, fc.constantFrom('xlsx' as const, 'ods' as const), (s, target) => {
        const escaped = escapeCellText(s, target);
        expect(unescapeCellText(escaped)).toBe(s);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: what XML 1.0 cannot hold
        expect(escaped).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
        if (target === 'xlsx') expect(escaped).not.toContain('\r');
      }),
      { numRuns: 500 },
    );
  });
});
