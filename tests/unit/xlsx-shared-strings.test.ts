import { describe, expect, it } from 'vitest';
import { spreadsheetToTable } from '../../src/domain/files/import-spreadsheet.ts';
import { escapeCellText } from '../../src/domain/files/spreadsheet-text-escape.ts';
import { restoreCarriageReturns, sharedStringText } from '../../src/domain/files/xlsx-shared-strings.ts';
import { libraries } from './import-context.ts';

const sheetjs =
  libraries.sheetjs ??
  (() => {
    throw new Error('SheetJS');
  })();

/** A one-column XLSX as Excel writes it: shared strings, CR and controls escaped as _xHHHH_. */
function workbook(cells: readonly string[]): Uint8Array {
  const sheet: Record<string, unknown> = { '!ref': `A1:A${cells.length}` };
  cells.forEach((text, r) => {
    sheet[sheetjs.utils.encode_cell({ r, c: 0 })] = { t: 's', v: escapeCellText(text, 'xlsx') };
  });
  const book = sheetjs.utils.book_new();
  sheetjs.utils.book_append_sheet(book, sheet as never, 'S');
  return new Uint8Array(sheetjs.write(book, { type: 'array', bookType: 'xlsx', bookSST: true }));
}

describe('XLSX shared strings', () => {
  it.each([
    ['<t>嘉義縣</t>', '嘉義縣'],
    ['<t xml:space="preserve">a_x000D_\nb</t>', 'a\r\nb'],
    ['<t xml:space="preserve">a_x000d_\nb</t>', 'a\r\nb'],
    ['<t>a&#13;&#10;b</t>', 'a\r\nb'],
    ['<t>a&#xD;&#xa;b</t>', 'a\r\nb'],
    ['<t>a\r\nb\rc</t>', 'a\nb\nc'],
    ['<t>_x005F_x000D_</t>', '_x000D_'],
    ['<t>_x005F_x0041_</t>', '_x0041_'],
    ['<t>_x0001_\\u0001</t>', '\u0001\\u0001'],
    ['<t>&lt;&amp;&gt;&quot;&apos;</t>', '<&>"\''],
    ['<t>&amp;#13;</t>', '&#13;'],
    ['<t>&#x1F600;</t>', '😀'],
    ['<t/>', ''],
    ['<r><rPr><b/></rPr><t>a_x000D_</t></r><r><t xml:space="preserve">\n b</t></r>', 'a\r\n b'],
    ['<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>', '東京'],
    ['<x:t>ns</x:t>', 'ns'],
  ])('%j reads as %j', (xml, text) => {
    expect(sharedStringText(xml)).toBe(text);
  });

  it('leaves CDATA to SheetJS', () => {
    expect(sharedStringText('<t><![CDATA[a]]></t>')).toBeUndefined();
  });

  it('a CRLF inside a cell reads back as CRLF, where SheetJS alone reads LF', () => {
    const cells = ['名稱', 'a\r\nb', '\r\n\r\n x', 'a\nb', '_x000D_\n', 'a\rb'];
    const bytes = workbook(cells);
    const alone = sheetjs.read(bytes, { type: 'array' }).Sheets.S;
    expect(alone?.A2?.v).toBe('a\nb');
    expect(spreadsheetToTable(sheetjs, bytes).table.rows.map((row) => row[0])).toEqual(cells.slice(1));
  });

  it('fixes dense sheets too, and leaves workbooks without an escaped CR alone', () => {
    const dense = sheetjs.read(workbook(['a\r\nb']), { type: 'array', dense: true });
    restoreCarriageReturns(dense);
    expect(dense.Sheets.S?.['!data']?.[0]?.[0]?.v).toBe('a\r\nb');

    const plain = sheetjs.read(workbook(['a\nb', '民雄']), { type: 'array' });
    const before = JSON.stringify(plain.Sheets);
    restoreCarriageReturns(plain);
    expect(JSON.stringify(plain.Sheets)).toBe(before);
  });
});
