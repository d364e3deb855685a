import { describe, expect, it } from 'vitest';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { tableToRecords } from '../../src/domain/loading/table-to-records.ts';

const map = (text: string) => tableToRecords(parseDelimitedText(text), 'test.csv');

describe('tableToRecords', () => {
  it('maps known columns to fields, with their headers, and keeps the file line of each row', () => {
    const { records, issues } = map(
      '據點名稱,據點地址,聯絡電話,lat,lon\r\n甲,臺北市士林區,02-1,25.1,121.5\r\n\r\n乙,,,,\r\n',
    );
    expect(issues).toEqual([]);
    expect(records).toEqual([
      {
        row: 2,
        fields: { name: '甲', address: '臺北市士林區', phone: '02-1', lat: '25.1', lng: '121.5' },
        headers: { name: '據點名稱', address: '據點地址', phone: '聯絡電話', lat: 'lat', lng: 'lon' },
        extra: {},
      },
      {
        row: 4,
        fields: { name: '乙', address: '', phone: '', lat: '', lng: '' },
        headers: { name: '據點名稱', address: '據點地址', phone: '聯絡電話', lat: 'lat', lng: 'lon' },
        extra: {},
      },
    ]);
  });

  it.each([
    { case: 'unmapped columns become extra', text: '名稱,序號\n甲,7\n', extra: { 序號: '7' } },
    { case: 'empty extra cells are left out', text: '名稱,序號\n甲,\n', extra: {} },
    { case: 'an unnamed column is named by position', text: '名稱,\n甲,x\n', extra: { column2: 'x' } },
    {
      case: 'cells beyond the header are kept',
      text: '名稱\n甲,x,y\n',
      extra: { column2: 'x', column3: 'y' },
    },
    { case: 'a trailing comma adds nothing', text: '名稱,序號,\n甲,1,\n', extra: { 序號: '1' } },
    {
      case: 'a second column naming the same field is kept (the first one is the name)',
      text: 'name,名稱\nMinxiong care point,民雄關懷據點\n',
      extra: { 名稱: '民雄關懷據點' },
    },
    {
      case: 'repeated unmapped headers do not overwrite each other',
      text: '名稱,備用,備用,備用\n甲,a,b,c\n',
      extra: { 備用: 'a', '備用 (3)': 'b', '備用 (4)': 'c' },
    },
    {
      case: 'a header named __proto__ keeps its value',
      text: '名稱,__proto__\n甲,x\n',
      extra: { ['__proto__']: 'x' },
    },
    {
      case: 'the Excel text marker before a number is dropped',
      text: "名稱,文號\n甲,'0943201436\n",
      extra: { 文號: '0943201436' },
    },
    {
      case: 'a quote before words is kept',
      text: "名稱,備考\n甲,'90s style\n乙,x\n",
      extra: { 備考: "'90s style" },
    },
    {
      case: 'a column marked throughout loses every marker',
      text: "名稱,文號\n甲,'建83700\n乙,'\n丙,'85-101816\n",
      extra: { 文號: '建83700' },
    },
  ])('$case', ({ text, extra }) => {
    const [record] = map(text).records;
    expect(record?.extra).toEqual(extra);
    expect(Object.keys(record?.extra ?? {})).toEqual(Object.keys(extra));
  });

  it('drops the Excel text marker in mapped number-like cells too', () => {
    const [record] = map("編號,名稱,電話\n'007,'甲,'05-2207017\n008,乙,\n").records;
    expect(record?.fields).toEqual({ id: '007', name: "'甲", phone: '05-2207017' });
  });

  it('empties a cell that holds only the marker, in a marked column', () => {
    const { records } = map("名稱,文號\n甲,'\n乙,'1\n");
    expect(records.map((r) => r.extra)).toEqual([{}, { 文號: '1' }]);
  });

  it('reports and skips a second header row, keeping file lines', () => {
    const { records, issues } = map('名稱,地址,電話\nName,Address,Phone\n甲,乙,1\n');
    expect(issues).toEqual([{ code: 'second-header-row', severity: 'info', file: 'test.csv', row: 2 }]);
    expect(records.map((r) => [r.row, r.fields.name])).toEqual([[3, '甲']]);
  });

  it.each([
    {
      case: 'an empty address is taken from another address column',
      text: '名稱,地址,據點地址\n甲,,嘉義縣民雄鄉江厝店29之4號\n',
      field: 'address',
      value: '嘉義縣民雄鄉江厝店29之4號',
      notes: [{ column: '地址', value: '據點地址' }],
    },
    {
      case: 'a cell of spaces counts as empty',
      text: 'name,名稱\n  ,民雄關懷據點\n',
      field: 'name',
      value: '民雄關懷據點',
      notes: [{ column: 'name', value: '名稱' }],
    },
    {
      case: 'a filled cell wins over the other column',
      text: '名稱,地址,據點地址\n甲,嘉義縣朴子市山通路7號,嘉義縣布袋鎮中山路206號\n',
      field: 'address',
      value: '嘉義縣朴子市山通路7號',
      notes: [],
    },
    {
      case: 'the first filled one of several other columns',
      text: '名稱,電話,聯絡電話,phone\n甲,,,05-2207017\n',
      field: 'phone',
      value: '05-2207017',
      notes: [{ column: '電話', value: 'phone' }],
    },
    {
      case: 'all empty stays empty, with nothing noted',
      text: '名稱,地址,據點地址\n甲,,\n',
      field: 'address',
      value: '',
      notes: [],
    },
    {
      case: 'two columns with one header: the note names the second as extra does',
      text: '名稱,地址,地址\n甲,,嘉義縣竹崎鄉鹿鳴路2號\n',
      field: 'address',
      value: '嘉義縣竹崎鄉鹿鳴路2號',
      notes: [{ column: '地址', value: '地址 (3)' }],
    },
    {
      case: 'the other column keeps its Excel text marker rule',
      text: "名稱,電話,聯絡電話\n甲,,'0943201436\n",
      field: 'phone',
      value: '0943201436',
      notes: [{ column: '電話', value: '聯絡電話' }],
    },
  ])('two columns for one field: $case', ({ text, field, value, notes }) => {
    const { records, issues } = map(text);
    const [record] = records;
    expect(record?.fields[field as keyof typeof record.fields]).toBe(value);
    expect(issues).toEqual(
      notes.map((n) => ({ code: 'field-in-two-columns', severity: 'info', file: 'test.csv', row: 2, ...n })),
    );
  });

  it('keeps the other column as written in extra, so nothing is lost on export', () => {
    const [record] = map('名稱,地址,據點地址\n甲,,嘉義縣民雄鄉江厝店29之4號\n').records;
    expect(record?.extra).toEqual({ 據點地址: '嘉義縣民雄鄉江厝店29之4號' });
    expect(record?.headers.address).toBe('地址');
  });

  it('notes each row it fills, by its file line', () => {
    const { records, issues } = map('名稱,地址,據點地址\n甲,,A\n乙,B,C\n\n丙,,D\n');
    expect(records.map((r) => r.fields.address)).toEqual(['A', 'B', 'D']);
    expect(issues.map((i) => i.row)).toEqual([2, 5]);
  });

  it('with a confirmed mapping, the chosen column comes first and a column mapped elsewhere is never used', () => {
    const table = parseDelimitedText('名稱,地址,據點地址,name\n甲,,嘉義縣民雄鄉,Jia\n乙,,,Yi\n');
    const { records } = tableToRecords(table, 'test.csv', {
      mapping: { name: '名稱', address: '據點地址', description: 'name' },
    });
    // 據點地址 is chosen but empty in row 2: 地址 (also an address column, mapped to nothing) is empty too.
    expect(records.map((r) => r.fields.address)).toEqual(['嘉義縣民雄鄉', '']);
    // name is mapped to the description, so it never fills the name.
    expect(records.map((r) => [r.fields.name, r.fields.description])).toEqual([
      ['甲', 'Jia'],
      ['乙', 'Yi'],
    ]);
    const reversed = tableToRecords(parseDelimitedText('名稱,地址,據點地址\n甲,X,\n'), 'test.csv', {
      mapping: { name: '名稱', address: '據點地址' },
    });
    expect(reversed.records[0]?.fields.address).toBe('X');
    expect(reversed.issues).toEqual([
      {
        code: 'field-in-two-columns',
        severity: 'info',
        file: 'test.csv',
        row: 2,
        column: '據點地址',
        value: '地址',
      },
    ]);
  });

  it('reports a missing name column once, at file level, with the headers it saw', () => {
    const { records, issues } = map('地址,電話\n乙,1\n丙,2\n');
    expect(issues).toEqual([
      { code: 'no-name-column', severity: 'error', file: 'test.csv', value: '地址, 電話' },
    ]);
    expect(records).toHaveLength(2);
  });

  it.each(['', '\r\n', '  \n\n'])(
    'reports an empty file (%j) as empty, not as lacking a name column',
    (text) => {
      expect(map(text)).toEqual({
        records: [],
        issues: [{ code: 'file-empty', severity: 'warning', file: 'test.csv' }],
      });
    },
  );
});
