/**
 * A short form people type for a longer word, e.g. 社福 for 社會福利: the search looks for both. Kept as data in
 * the manifest (`searchAbbreviations`), with defaults for a manifest that sets none (default-abbreviations.ts).
 */
export interface Abbreviation {
  readonly short: string;
  /** What the short form stands for; more than one when it is used for several words. */
  readonly full: readonly string[];
}

/**
 * Reads `searchAbbreviations` of a manifest: an object of short form → full form (text or list of texts), e.g.
 * { "社福": "社會福利", "課輔": ["課後輔導", "課後照顧"] }. Problems go to `problems`.
 */
export function parseAbbreviations(value: unknown, problems: string[]): readonly Abbreviation[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push('searchAbbreviations must be an object of short form → full form');
    return [];
  }
  const out: Abbreviation[] = [];
  for (const [short, full] of Object.entries(value)) {
    const forms = (Array.isArray(full) ? full : [full]).filter(
      (f): f is string => typeof f === 'string' && f.trim() !== '',
    );
    if (short.trim() === '' || forms.length === 0) {
      problems.push(`searchAbbreviations["${short}"] must name a full form, e.g. "社會福利"`);
      continue;
    }
    out.push({ short: short.trim(), full: forms.map((f) => f.trim()) });
  }
  return out;
}
