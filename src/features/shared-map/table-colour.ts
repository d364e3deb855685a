/** Colours a projector tells apart (Okabe–Ito, dark enough for white text). */
const TABLE_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#7a5c00', '#56429b'];

/** The same table gets the same colour on every screen: chosen from its name. */
export function tableColour(table: string): string {
  let hash = 0;
  for (const ch of table) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return TABLE_COLOURS[hash % TABLE_COLOURS.length] as string;
}
