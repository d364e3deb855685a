/** Unicode's bidirectional controls: marks (ALM, LRM, RLM), embeddings and overrides, isolates. */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Removes bidirectional controls, which reorder what is shown without changing what is stored: with U+202E
 * "\u202E7102-022)50(" shows as "(05)220-7017" but dials 710702250. Phones and identifiers never need them.
 */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
