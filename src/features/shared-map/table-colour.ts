/**
 * Colours a projector tells apart, colour-blind safe (Okabe–Ito's blue, vermilion, bluish green, reddish purple,
 * and a dark yellow and violet), each dark enough for white text (contrast ≥ 4.5:1). A table also has its letter
 * everywhere it is shown, so colour is never the only sign.
 */
const TABLE_COLOURS = ['#0072B2', '#B34700', '#00785A', '#A8488A', '#7a5c00', '#56429b'];

/** A table's colour by its slot (the order tables first proposed: see tableMarks), the same on every screen. */
export function tableColour(slot: number): string {
  return TABLE_COLOURS[slot % TABLE_COLOURS.length] as string;
}
