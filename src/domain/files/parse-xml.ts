import { DOMParser } from '@xmldom/xmldom';

/**
 * Parses XML text into a DOM with xmldom, which runs where the browser's DOMParser does not (the import
 * worker). Strict: any well-formedness error throws, so a document is either read whole or refused. xmldom
 * loads nothing and expands no entity a DTD declares: an external one (XXE) or a nested internal one (billion
 * laughs) is an undefined entity, hence an error, e.g. `<!ENTITY x SYSTEM "file:///etc/passwd">…&x;` throws.
 */
export function parseXml(text: string): Document {
  const parser = new DOMParser({
    // XML 1.0's line ends (KML is XML 1.0): xmldom's default, XML 1.1's, would also turn U+0085, U+2028 and
    // U+2029 in a text into line feeds.
    normalizeLineEndings: (source) => source.replace(/\r\n?/g, '\n'),
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(message);
    },
  });
  // xmldom implements the DOM Level 2 Core that togeojson and kml-exact-text.ts use (the fixtures' output is
  // compared with a browser-like DOMParser's in tests/unit/kml-xml-parser.test.ts).
  return parser.parseFromString(text, 'application/xml') as unknown as Document;
}
