import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseDelimitedText, toCsvText } from '../../src/domain/loading/parse-csv.ts';
import { sharedDataFile } from './fixture-paths.ts';

const hsds = (name: string) => readFileSync(sharedDataFile('hsds-sample', name), 'utf8');

describe('detectDelimiter', () => {
  it.each([
    { case: 'comma', text: '名稱,地址,電話\na,b,c', delimiter: ',' },
    { case: 'tab in a .csv (Excel "Unicode text")', text: '名稱\t地址\t電話\na\tb\tc', delimiter: '\t' },
    { case: 'semicolon (European Excel)', text: 'name;address;phone\na;b;c', delimiter: ';' },
    { case: 'pipe', text: 'name|address\na|b', delimiter: '|' },
    { case: 'one column: comma', text: '名稱\n甲', delimiter: ',' },
    { case: 'commas win a tie', text: 'a,b;c\n', delimiter: ',' },
    { case: 'leading blank lines skipped', text: '\r\n\r\nname\tlat\tlng\r\n', delimiter: '\t' },
    { case: 'quoted commas in a semicolon header', text: '"a,b,c";x;y\n', delimiter: ';' },
    { case: 'data cells do not vote', text: 'name,services\n甲,"關懷訪視;通報轉介;共餐"', delimiter: ',' },
  ])('$case', ({ text, delimiter }) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('parseDelimitedText', () => {
  it.each([
    {
      case: 'LF',
      text: 'name,address\na,b\nc,d\n',
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
      lines: [2, 3],
    },
    {
      case: 'CRLF, no final newline',
      text: 'name,address\r\na,b\r\nc,d',
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
      lines: [2, 3],
    },
    {
      case: 'blank and whitespace-only lines skipped, numbering kept',
      text: 'name,address\n\na,b\n  \n,\nc,d\n\n',
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
      lines: [3, 6],
    },
    {
      case: 'leading blank lines before the header',
      text: '\n\nname,address\na,b\n',
      rows: [['a', 'b']],
      lines: [4],
    },
    {
      case: 'quoted multi-line cell: the next row keeps its file line',
      text: 'name,address\r\n"甲\r\n乙",x\r\nc,d\r\n',
      rows: [
        ['甲\r\n乙', 'x'],
        ['c', 'd'],
      ],
      lines: [2, 4],
    },
    {
      case: 'doubled quotes inside a quoted cell',
      text: 'name,note\n"He said ""hi""","a,b"\n',
      rows: [['He said "hi"', 'a,b']],
      lines: [2],
    },
    {
      case: 'trailing comma: an empty unnamed column',
      text: '名稱,地址,\n甲,乙,\n',
      rows: [['甲', '乙', '']],
      lines: [2],
    },
    {
      case: 'tab-separated',
      text: 'name\taddress\na, b\tc\n',
      rows: [['a, b', 'c']],
      lines: [2],
    },
    {
      case: 'semicolon-separated',
      text: 'name;address\na;b\n',
      rows: [['a', 'b']],
      lines: [2],
    },
  ])('$case', ({ text, rows, lines }) => {
    const table = parseDelimitedText(text);
    expect(table.rows).toEqual(rows);
    expect(table.lineNumbers).toEqual(lines);
  });

  it('tidies header cells (spaces, line breaks) but not data cells', () => {
    const table = parseDelimitedText('" 據點\n名稱 ",地址\n" 甲 ",乙\n');
    expect(table.headers).toEqual(['據點 名稱', '地址']);
    expect(table.rows).toEqual([[' 甲 ', '乙']]);
  });

  it('reports an empty table for empty or blank text', () => {
    for (const text of ['', '\n\n', ' \r\n ']) {
      expect(parseDelimitedText(text)).toMatchObject({ headers: [], rows: [], lineNumbers: [] });
    }
  });

  it('keeps the HSDS services.csv multi-line description in one cell and numbers rows by file line', () => {
    const table = parseDelimitedText(hsds('services.csv'));
    expect(table.headers.slice(0, 4)).toEqual(['id', 'organization_id', 'program_id', 'name']);
    expect(table.rows).toHaveLength(13);
    expect(table.rows.every((row) => row.length === table.headers.length)).toBe(true);
    const skills = table.rows.findIndex((row) => row[3] === 'Dear Teacher Skills Refresh');
    expect(skills).toBe(7);
    expect(table.rows[skills]?.[5]).toContain('<li>Digital Skills</li>\n');
    // The cell spans file lines 9–13, so the next row starts on line 14.
    expect(table.lineNumbers.slice(skills, skills + 2)).toEqual([9, 14]);
    expect(table.lineNumbers.at(-1)).toBe(18);
  });

  it('numbers HSDS organizations.csv rows after its multi-line cells', () => {
    const table = parseDelimitedText(hsds('organizations.csv'));
    expect(table.rows).toHaveLength(10);
    expect(table.lineNumbers).toEqual([2, 3, 4, 5, 6, 11, 12, 13, 14, 15]);
  });

  it('does not let an unterminated quote swallow the rest of the file', () => {
    const table = parseDelimitedText('name,address\n"broken,addr1\nok,addr2\n"fine\nstill",addr3\n');
    expect(table.rows).toEqual([
      ['"broken', 'addr1'],
      ['ok', 'addr2'],
      ['fine\nstill', 'addr3'],
    ]);
    expect(table.lineNumbers).toEqual([2, 3, 4]);
  });

  it.each([
    {
      case: 'a quoted word at the start of a name',
      text: 'name,address\r\n"愛心"協會,臺南市東區\r\nok,b\r\n',
      rows: [
        ['"愛心"協會', '臺南市東區'],
        ['ok', 'b'],
      ],
      lines: [2, 3],
    },
    {
      case: 'an unclosed quote in the last column',
      text: 'name,address\nx,"broken\nok,b\ny,"fine"\n',
      rows: [
        ['x', '"broken'],
        ['ok', 'b'],
        ['y', 'fine'],
      ],
      lines: [2, 3, 4],
    },
    {
      case: 'an unclosed quote in the first data row after a multi-line cell',
      text: 'name,note\n"a\nb",x\n"c,d\ne,f\n',
      rows: [
        ['a\nb', 'x'],
        ['"c', 'd'],
        ['e', 'f'],
      ],
      lines: [2, 4, 5],
    },
    {
      case: 'an unclosed quote on the last line',
      text: 'name,address\nok,b\n"tail,c',
      rows: [
        ['ok', 'b'],
        ['"tail', 'c'],
      ],
      lines: [2, 3],
    },
  ])('keeps every row when a stray quote appears: $case', ({ text, rows, lines }) => {
    const table = parseDelimitedText(text);
    expect(table.rows).toEqual(rows);
    expect(table.lineNumbers).toEqual(lines);
  });

  it('reads the Taipei care points: 505 rows, CRLF, no final newline', () => {
    const text = readFileSync(sharedDataFile('taipei-community-care-points.csv'), 'utf8');
    const table = parseDelimitedText(text);
    expect(table.delimiter).toBe(',');
    expect(table.headers).toEqual([
      '序號',
      '行政區',
      '里別',
      '據點名稱',
      '據點類型',
      '據點地址',
      '聯絡電話',
      'lat',
      'lon',
    ]);
    expect(table.rows).toHaveLength(505);
    expect(table.rows.map((row) => row[0])).toEqual(Array.from({ length: 505 }, (_, i) => String(i + 1)));
    expect(table.lineNumbers.at(-1)).toBe(506);
  });
});

describe('toCsvText', () => {
  it('round-trips through parseDelimitedText, quoting what needs it', () => {
    const headers = ['名稱', 'note'];
    const rows = [
      ['甲, 乙', 'line 1\nline 2'],
      ['"quoted"', ''],
    ];
    const text = toCsvText(headers, rows);
    expect(text.split('\r\n')[0]).toBe('名稱,note');
    const table = parseDelimitedText(text);
    expect(table.headers).toEqual(headers);
    expect(table.rows).toEqual(rows);
  });
});
