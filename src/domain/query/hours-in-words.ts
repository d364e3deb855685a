/** The days an opening_hours rule names, in the tag's own two-letter codes. */
export const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A day or a run of days (Mo-Fr), or public holidays (PH). */
export type DaySpan = { readonly from: Weekday; readonly to: Weekday } | 'PH';

export interface HoursRule {
  /** 'every' when the rule names no days (as "10:00-18:00" alone means every day). */
  readonly days: readonly DaySpan[] | 'every';
  /** Time ranges as written (HH:MM), or closed ("off"). */
  readonly times: readonly { readonly from: string; readonly to: string }[] | 'closed';
}

/** What an opening_hours text says, for writing it in words: open all the time, or rules in order. */
export type HoursInWords =
  | { readonly kind: 'always' }
  | { readonly kind: 'rules'; readonly rules: readonly HoursRule[] };

const DAY = '(?:Mo|Tu|We|Th|Fr|Sa|Su)';
const DAY_SPAN = new RegExp(`^(${DAY})(?:-(${DAY}))?$`);
const TIME = /^([01]?\d|2[0-4]):([0-5]\d)-([01]?\d|2[0-4]):([0-5]\d)$/;

/**
 * Reads the common part of OpenStreetMap's opening_hours syntax — the part the data uses — into rules to write
 * in words: "Mo-Fr 10:30-14:00,16:30-20:00" → Mo–Fr with two time ranges; "Mo,We,Fr 09:00-12:00; PH off";
 * "24/7". Anything else (month ranges, week numbers, comments) gives null: the page then shows the text as written.
 */
export function hoursInWords(text: string): HoursInWords | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (trimmed === '24/7') return { kind: 'always' };
  const rules: HoursRule[] = [];
  for (const part of trimmed.split(';')) {
    const rule = readRule(part.trim());
    if (!rule) return null;
    rules.push(rule);
  }
  return { kind: 'rules', rules };
}

function readRule(part: string): HoursRule | null {
  if (part === '') return null;
  const [first = '', ...rest] = part.split(/\s+/);
  const startsWithDays = /^(Mo|Tu|We|Th|Fr|Sa|Su|PH)\b/.test(first);
  const days = startsWithDays ? readDays(first) : 'every';
  if (!days) return null;
  const timeText = (startsWithDays ? rest : [first, ...rest]).join('');
  if (timeText === 'off' || timeText === 'closed') return { days, times: 'closed' };
  if (timeText === '') return null;
  const times = [];
  for (const range of timeText.split(',')) {
    const m = TIME.exec(range);
    if (!m) return null;
    times.push({ from: `${m[1]?.padStart(2, '0')}:${m[2]}`, to: `${m[3]?.padStart(2, '0')}:${m[4]}` });
  }
  return { days, times };
}

function readDays(text: string): DaySpan[] | null {
  const spans: DaySpan[] = [];
  for (const piece of text.split(',')) {
    if (piece === 'PH') {
      spans.push('PH');
      continue;
    }
    const m = DAY_SPAN.exec(piece);
    if (!m) return null;
    const from = m[1] as Weekday;
    spans.push({ from, to: (m[2] ?? from) as Weekday });
  }
  return spans;
}
