import { unescapeCellText } from './spreadsheet-text-escape.ts';

/** A shared string as SheetJS keeps it: its text, and the XML of its <si> element. */
interface SharedString {
  readonly t?: unknown;
  readonly r?: unknown;
}

/** The parts of a SheetJS workbook this module touches. */
interface WorkbookCells {
  readonly Strings?: readonly SharedString[];
  readonly Sheets: Record<string, Record<string, unknown> | undefined>;
}

/** A CR written as Excel writes it (_x000D_) or as a character reference. */
const ENCODED_CR = /_x000d_|&#0*13;|&#x0*d;/i;

/**
 * SheetJS reads every CRLF inside an XLSX cell as LF, after it has decoded _x000D_: a cell that Excel (or our
 * export) wrote as "a_x000D_\nb" would come back as "a\nb". Such cells get their text again from the
 * shared string's own XML. Workbooks without an encoded CR (nearly all) are left as they are.
 */
export function restoreCarriageReturns(workbook: WorkbookCells): void {
  const exact = new Map<string, string>();
  for (const shared of workbook.Strings ?? []) {
    if (typeof shared.r !== 'string' || !ENCODED_CR.test(shared.r)) continue;
    const text = sharedStringText(shared.r);
    if (text !== undefined && text !== shared.t) exact.set(shared.r, text);
  }
  if (exact.size === 0) return;
  for (const sheet of Object.values(workbook.Sheets)) {
    if (!sheet) continue;
    const dense = sheet['!data'];
    const cells = Array.isArray(dense)
      ? dense.flatMap((row: unknown) => (Array.isArray(row) ? row : []))
      : Object.keys(sheet)
          .filter((key) => !key.startsWith('!'))
          .map((key) => sheet[key]);
    for (const cell of cells) {
      if (typeof cell !== 'object' || cell === null) continue;
      const c = cell as { t?: unknown; r?: unknown; v?: unknown; w?: unknown };
      const text = c.t === 's' && typeof c.r === 'string' ? exact.get(c.r) : undefined;
      if (text !== undefined) {
        c.v = text;
        c.w = text;
      }
    }
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The text of a shared string's XML (an <si>'s content: one <t>, or rich-text runs), read as Excel reads it:
 * XML line ends, entities and character references, then _xHHHH_ escapes; phonetic runs (<rPh>) are not
 * text. E.g. `<t xml:space="preserve">a_x000D_\nb</t>` → "a\r\nb". Undefined for CDATA, which Excel never writes.
 */
export function sharedStringText(xml: string): string | undefined {
  if (xml.includes('<![CDATA[')) return undefined;
  const withoutPhonetic = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let raw = '';
  for (const match of withoutPhonetic.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([^<]*)<\/(?:\w+:)?t>)/g)) {
    raw += match[1] ?? '';
  }
  const decoded = raw
    .replace(/\r\n?/g, '\n')
    .replace(/&(#x[\da-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, entity: string) => {
      if (!entity.startsWith('#')) return ENTITIES[entity.toLowerCase()] ?? whole;
      const code = /^#x/i.test(entity) ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  return unescapeCellText(decoded);
}
