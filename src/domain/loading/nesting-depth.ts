import { IMPORT_LIMITS, ImportLimitError } from './import-limits.ts';

/**
 * Whether JSON text nests arrays and objects deeper than `limit`, read in one pass without recursion (strings
 * skipped, escapes honoured), so that 100,000 levels are refused before JSON.parse or any recursive reader
 * sees them. e.g. jsonDepthExceeds('{"a":[[1]]}', 2) is true (object, array, array).
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Whether XML text nests elements deeper than `limit`, read in one pass without recursion: comments, CDATA,
 * processing instructions and the DOCTYPE are skipped, quoted attribute values may hold '>', an element
 * that closes itself (<a/>) adds no level. e.g. xmlDepthExceeds('<kml><a><b/></a></kml>', 2) is false.
 */
export function xmlDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let at = text.indexOf('<');
  while (at >= 0 && at < text.length) {
    const next = text.charCodeAt(at + 1);
    if (text.startsWith('<!--', at)) at = after(text, '-->', at + 4);
    else if (text.startsWith('<![CDATA[', at)) at = after(text, ']]>', at + 9);
    else if (next === 0x3f /* ? */) at = after(text, '?>', at + 2);
    else if (next === 0x21 /* ! DOCTYPE */) at = afterDoctype(text, at + 2);
    else if (next === 0x2f /* / */) {
      depth--;
      at = after(text, '>', at + 2);
    } else {
      const end = tagEnd(text, at + 1);
      if (end < 0) return false;
      if (text.charCodeAt(end - 1) !== 0x2f && ++depth > limit) return true;
      at = end + 1;
    }
    if (at < 0) return false;
    at = text.indexOf('<', at);
  }
  return false;
}

/** Throws when JSON text nests deeper than the import limit. */
export function checkJsonDepth(text: string): void {
  const limit = IMPORT_LIMITS.nestingDepth;
  if (jsonDepthExceeds(text, limit))
    throw new ImportLimitError({ kind: 'nesting-depth', format: 'json', limit });
}

/** Throws when KML text nests deeper than the import limit. */
export function checkXmlDepth(text: string): void {
  const limit = IMPORT_LIMITS.nestingDepth;
  if (xmlDepthExceeds(text, limit))
    throw new ImportLimitError({ kind: 'nesting-depth', format: 'kml', limit });
}

/** The index just past `marker`, or -1 when the text ends first. */
function after(text: string, marker: string, from: number): number {
  const found = text.indexOf(marker, from);
  return found < 0 ? -1 : found + marker.length;
}

/** The '>' that ends a start tag, skipping quoted attribute values; -1 when the text ends first. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
  }
  return -1;
}

/** Past a DOCTYPE, whose internal subset [...] may hold '>' of its own declarations. */
function afterDoctype(text: string, from: number): number {
  let bracket = 0;
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x5b) bracket++;
    else if (c === 0x5d) bracket--;
    else if (c === 0x3e && bracket <= 0) return i + 1;
  }
  return -1;
}
