/** Text as UTF-16 code units, low byte first (LE) or high byte first (BE), as Excel's "Unicode text" writes it. */
export function utf16Bytes(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const units = `${bom ? '\uFEFF' : ''}${text}`;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    bytes[2 * i] = order === 'le' ? unit & 0xff : unit >> 8;
    bytes[2 * i + 1] = order === 'le' ? unit >> 8 : unit & 0xff;
  }
  return bytes;
}
