/**
 * Text that XML 1.0 cannot hold in a KML file: control characters other than tab, LF and CR (even as
 * character references), U+FFFE, U+FFFF and lone surrogates. The visible name, description and Data of a
 * Placemark are written without them, as Google Earth and My Maps show them; a Placemark that had any also
 * gets, at the end of its ExtendedData, an element in our own namespace with the exact texts as JSON (which
 * escapes them: "\u0001"), e.g. for the name "a\u0001b" and an extra column 備註 = "\u0002":
 *
 *   <x:exact-text xmlns:x="urn:community-resource-map:kml-exact-text">
 *     {"name":"a\u0001b","data":[["備註","\u0002"]]}</x:exact-text>
 *
 * KML 2.2 allows elements of other namespaces in ExtendedData; Google Earth and togeojson ignore them, and the
 * importer puts the texts back before togeojson reads the Placemark. The JSON lives in an element of its own,
 * so no text a person writes can be mistaken for it. Placemarks without such characters stay as they were.
 */
export const EXACT_TEXT_NAMESPACE = 'urn:community-resource-map:kml-exact-text';
const EXACT_TEXT_ELEMENT = 'exact-text';

/** Characters XML 1.0 cannot hold at all (controls other than tab, LF, CR; U+FFFE/FFFF; lone surrogates). */
export const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML cannot hold
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether XML 1.0 can hold the text as it is (escaped, with CR, LF and tab as character references). */
export function xmlCanHold(text: string): boolean {
  return text.search(NOT_XML) < 0;
}

/** The texts of one Placemark: its name, its description and its ExtendedData as [name, value] pairs. */
export interface PlacemarkTexts {
  readonly name?: string;
  readonly description?: string;
  readonly data: readonly (readonly [string, string])[];
}

/**
 * The exact texts of a Placemark that XML cannot hold, as JSON: only the name, description and Data pairs
 * that need it (a Data pair whose name XML cannot hold is written only here). Undefined when none does.
 */
export function exactTextJson(texts: PlacemarkTexts): string | undefined {
  const exact: { name?: string; description?: string; data?: (readonly [string, string])[] } = {};
  if (texts.name !== undefined && !xmlCanHold(texts.name)) exact.name = texts.name;
  if (texts.description !== undefined && !xmlCanHold(texts.description))
    exact.description = texts.description;
  const data = texts.data.filter(([name, value]) => !xmlCanHold(name) || !xmlCanHold(value));
  if (data.length > 0) exact.data = data;
  if (Object.keys(exact).length === 0) return undefined;
  // JSON.stringify escapes controls and lone surrogates; U+FFFE and U+FFFF it leaves as they are.
  return JSON.stringify(exact).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** The element that carries exactTextJson's JSON, given the JSON already escaped for XML. */
export function exactTextElement(escapedJson: string): string {
  return `<x:${EXACT_TEXT_ELEMENT} xmlns:x="${EXACT_TEXT_NAMESPACE}">${escapedJson}</x:${EXACT_TEXT_ELEMENT}>`;
}

/**
 * Puts the exact texts back into a parsed KML document (a DOM holds any text), so that togeojson reads them:
 * the Placemark's name and description, the value of a Data element of the same name, or a new Data element.
 * Our elements are removed; one whose content is not JSON of that shape changes nothing else.
 */
export function restoreExactText(doc: Document): void {
  for (const element of Array.from(doc.getElementsByTagNameNS(EXACT_TEXT_NAMESPACE, EXACT_TEXT_ELEMENT))) {
    const extendedData = element.parentElement;
    const placemark = extendedData?.parentElement;
    const texts = parseExact(element.textContent ?? '');
    element.parentNode?.removeChild(element);
    if (extendedData?.localName !== 'ExtendedData' || !placemark || !texts) continue;
    const kmlNamespace = extendedData.namespaceURI;
    const child = (parent: Element, name: string) =>
      Array.from(parent.children).find((c) => c.localName === name && c.namespaceURI === kmlNamespace);
    const setChildText = (parent: Element, name: string, text: string, first: boolean) => {
      let target = child(parent, name);
      if (!target) {
        target = doc.createElementNS(kmlNamespace, name);
        parent.insertBefore(target, first ? parent.firstChild : null);
      }
      target.textContent = text;
    };
    if (texts.name !== undefined) setChildText(placemark, 'name', texts.name, true);
    if (texts.description !== undefined) setChildText(placemark, 'description', texts.description, false);
    for (const [name, value] of texts.data) {
      let data = Array.from(extendedData.children).find(
        (c) => c.localName === 'Data' && c.namespaceURI === kmlNamespace && c.getAttribute('name') === name,
      );
      if (!data) {
        data = doc.createElementNS(kmlNamespace, 'Data');
        data.setAttribute('name', name);
        extendedData.appendChild(data);
      }
      setChildText(data, 'value', value, false);
    }
  }
}

function parseExact(json: string): PlacemarkTexts | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { name, description, data } = parsed as Record<string, unknown>;
  const pairs = Array.isArray(data)
    ? data.filter(
        (pair): pair is [string, string] =>
          Array.isArray(pair) && pair.length === 2 && pair.every((s) => typeof s === 'string'),
      )
    : [];
  return {
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof description === 'string' ? { description } : {}),
    data: pairs,
  };
}
