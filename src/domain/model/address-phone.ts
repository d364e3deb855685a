/**
 * A telephone number as registers write it: an area code (02, (06), 049…) or a mobile prefix (09…), then 6–8
 * digits in groups, an optional extension. House numbers (35號, 3樓之1) never start with 0 and are too short.
 */
const PHONE =
  /(?:電話|TEL|Tel|tel)?[:：]?\s*\(?0\d{1,3}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?:\s*(?:分機|ext\.?|#|轉)\s*\d{1,6})?/g;

/** What separates the address from the phone in one cell: a slash, a semicolon, a comma, a line break, spaces. */
const SEPARATOR = /[\s/／;；,，、|]+$/;

/**
 * Splits a cell that holds an address and phone numbers (服務地址/聯絡電話: "臺南市東區林森路一段1號/06-2345678"),
 * or returns null when the cell holds no phone number after the address. The phones are those at the end, one
 * or more; the address is what comes before them, without labels or separators.
 */
export function splitAddressAndPhone(cell: string): { address: string; phones: string } | null {
  const text = cell.trim();
  const matches = [...text.matchAll(PHONE)];
  if (matches.length === 0) return null;
  // The phones must be the tail of the cell: walk back from the end over numbers and separators.
  let start = text.length;
  for (let i = matches.length - 1; i >= 0; i--) {
    const match = matches[i] as RegExpExecArray;
    const end = match.index + match[0].length;
    const between = text.slice(end, start);
    if (between.trim() !== '' && !/^[\s/／;；,，、|)）]*$/.test(between)) break;
    start = match.index;
  }
  if (start === text.length) return null;
  const address = text
    .slice(0, start)
    .replace(SEPARATOR, '')
    .replace(/^(?:地址|住址)[:：]\s*/, '')
    .replace(/[（(]\s*$/, '')
    .trim();
  if (address === '' || !/[\u4e00-\u9fff]/.test(address)) return null;
  const phones = text
    .slice(start)
    .replace(/(?:電話|TEL|Tel|tel)[:：]?/g, '')
    .replace(/[)）]\s*$/, '')
    .replace(/^[（(](?=[^)）]*$)/, '')
    .trim();
  return { address, phones };
}
