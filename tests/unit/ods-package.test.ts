import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { spreadsheetToTable } from '../../src/domain/files/import-spreadsheet.ts';
import { odsPackage, odsParagraph } from '../../src/domain/files/ods-package.ts';
import { browserParseXml, libraries } from './import-context.ts';

const sheetjs =
  libraries.sheetjs ??
  (() => {
    throw new Error('SheetJS');
  })();

/** [cell text, its <text:p> content]: ODF white space, XML escapes, and the _xHHHH_ escape SheetJS reads. */
const PARAGRAPHS: [string, string][] = [
  ['嘉義縣民雄鄉', '嘉義縣民雄鄉'],
  ['a b', 'a b'],
  ['  leading', '<text:s text:c="2"/>leading'],
  ['trailing ', 'trailing<text:s/>'],
  [' x ', '<text:s/>x<text:s/>'],
  ['a   b', 'a<text:s text:c="3"/>b'],
  ['a\tb', 'a<text:tab/>b'],
  ['\tlead', '<text:tab/>lead'],
  ['a \tb', 'a<text:s/><text:tab/>b'],
  ['a\nb', 'a<text:line-break/>b'],
  ['\n\nlead', '<text:line-break/><text:line-break/>lead'],
  ['a \n b', 'a<text:s/><text:line-break/><text:s/>b'],
  ['a\r\nb', 'a&#13;<text:line-break/>b'],
  ['\r', '&#13;'],
  ['\u3000全形\u3000', '&#x3000;全形&#x3000;'],
  ['全\u3000形', '全\u3000形'],
  ['\u00a0\ufeffx\u2028', '&#xa0;&#xfeff;x&#x2028;'],
  ['<&>"\'', '&lt;&amp;&gt;"\''],
  ['&#13;', '&amp;#13;'],
  ['<text:s/>', '&lt;text:s/&gt;'],
  ['\u0001', '_x0001_'],
  ['a\u000bb', 'a_x000B_b'],
  ['\\u0001', '\\u0001'],
  ['_x0041_', '_x005F_x0041_'],
  ['_x005F_', '_x005F_x005F_'],
  ['_x000D_', '_x005F_x000D_'],
  ['😀 ', '😀<text:s/>'],
];

describe('ODS package', () => {
  it.each(PARAGRAPHS)('%j is written as <text:p>%s</text:p>', (text, xml) => {
    expect(odsParagraph(text)).toBe(xml);
  });

  it('SheetJS reads every one of those cells back exactly', () => {
    const rows = [
      [{ text: '名稱' }, { text: '內容' }],
      ...PARAGRAPHS.map(([text]) => [{ text: 'x' }, { text }]),
      [{ text: 'n' }, { number: 121.5322353 }],
    ];
    const { table, sheetName } = spreadsheetToTable(
      sheetjs,
      odsPackage({ name: '嘉義縣', columnWidths: [8, 12], rows }),
    );
    expect(sheetName).toBe('嘉義縣');
    expect(table.headers).toEqual(['名稱', '內容']);
    expect(table.rows.map((row) => row[1])).toEqual([...PARAGRAPHS.map(([text]) => text), '121.5322353']);
  });

  it('is an ODF 1.2 package: mimetype first and stored, well-formed XML parts listed in the manifest', () => {
    const bytes = odsPackage({
      name: '嘉義縣',
      columnWidths: [8, 40],
      rows: [
        [{ text: '名稱' }, { text: '緯度' }],
        [{ text: '民雄' }, { number: 23.5 }],
        [null, null],
      ],
    });
    // The first local file header: stored (method 0), named "mimetype", its content right after the name.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(8, true)).toBe(0);
    expect(view.getUint16(28, true)).toBe(0);
    expect(strFromU8(bytes.slice(30, 38))).toBe('mimetype');
    expect(strFromU8(bytes.slice(38, 84))).toBe('application/vnd.oasis.opendocument.spreadsheet');

    const files = unzipSync(bytes);
    const parse = (name: string) => {
      const doc = browserParseXml(strFromU8(files[name] ?? new Uint8Array()));
      expect(doc?.getElementsByTagName('parsererror')).toHaveLength(0);
      return doc as Document;
    };
    const manifest = parse('META-INF/manifest.xml');
    const listed = Array.from(manifest.getElementsByTagName('manifest:file-entry')).map((e) =>
      e.getAttribute('manifest:full-path'),
    );
    expect(listed).toEqual(['/', 'content.xml', 'styles.xml', 'meta.xml', 'manifest.rdf']);
    for (const name of ['content.xml', 'styles.xml', 'meta.xml', 'manifest.rdf']) parse(name);

    const content = parse('content.xml');
    expect(content.documentElement.getAttribute('office:version')).toBe('1.2');
    const cells = Array.from(content.getElementsByTagName('table:table-cell'));
    expect(cells.map((c) => c.getAttribute('office:value-type'))).toEqual([
      'string',
      'string',
      'string',
      'float',
      null,
    ]);
    expect(cells[3]?.getAttribute('office:value')).toBe('23.5');
    expect(content.getElementsByTagName('table:table-column')).toHaveLength(2);
  });
});
