/**
 * The one reading of a visibility value, for every format and type: a CSV cell, a GeoJSON property written as a
 * boolean or a number, a spreadsheet's cell. Used by the loading chain (a record's badge) and by the build (what
 * may ship), so that the page and the public build never disagree.
 */
export type VisibilityReading = 'public' | 'internal' | 'unrecognised' | 'empty';

const PUBLIC_WORDS = new Set([
  '公開',
  '是',
  '可',
  '對外公開',
  '公開資料',
  'public',
  'yes',
  'y',
  'true',
  't',
  '1',
  'open',
]);

const INTERNAL_WORDS = new Set([
  '內部',
  '內部資料',
  '內部使用',
  '否',
  '非公開',
  '不公開',
  '不可公開',
  '未公開',
  '機密',
  '限內部',
  'internal',
  'private',
  'confidential',
  'restricted',
  'hidden',
  'no',
  'n',
  'f',
  'false',
  '0',
]);

/** Full-width letters and digits, as typed on a Chinese keyboard, read as their ASCII twins. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Reads one visibility value: `true`, 1, 是, 公開, "Y" → public; `false`, 0, 否, 非公開, 不公開, 內部, N,
 * internal → internal; null, undefined or blank → empty (the file's default applies); anything else →
 * unrecognised, which every caller treats as internal (and the build warns about, naming the row).
 */
export function readVisibility(value: unknown): VisibilityReading {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'boolean') return value ? 'public' : 'internal';
  if (typeof value === 'number') return value === 1 ? 'public' : value === 0 ? 'internal' : 'unrecognised';
  if (typeof value !== 'string') return 'unrecognised';
  const word = halfWidth(value)
    .replace(/[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .toLowerCase();
  if (word === '') return 'empty';
  if (PUBLIC_WORDS.has(word)) return 'public';
  if (INTERNAL_WORDS.has(word)) return 'internal';
  return 'unrecognised';
}

/** Whether a value makes a record internal: anything but a recognised public word or a blank (fail closed). */
export function isInternalVisibility(value: unknown): boolean {
  const reading = readVisibility(value);
  return reading === 'internal' || reading === 'unrecognised';
}
