import { placeKey } from '../geo/gazetteer.ts';
import type { CategoryConfig, ServiceTagConfig } from '../model/categories.ts';
import type { Language } from '../model/language.ts';

/** The languages `parseQuestion` reads (its words and number forms are Chinese and English only). */
export const QUESTION_LANGUAGES: readonly Language[] = ['zh-TW', 'en'];

/** Where "near" is measured from: a record (by index) or a township's centroid. */
export type QuestionAnchor =
  | { readonly kind: 'resource'; readonly index: number }
  | { readonly kind: 'town'; readonly county: string; readonly town: string };

/** How a question was understood, as the ordinary filters and views it maps to. */
export type QuestionIntent =
  | {
      readonly kind: 'count' | 'list' | 'absence' | 'near' | 'change';
      readonly category: string | null;
      readonly service: string | null;
      readonly county: string;
      readonly town: string;
      /** absence: which places lack the category. */
      readonly unit: 'village' | 'township';
      /** near: from where, and how far. */
      readonly anchor: QuestionAnchor | null;
      readonly radiusKm: number;
      /** change: records that started in these years (inclusive). */
      readonly fromYear: number;
      readonly toYear: number;
    }
  | { readonly kind: 'unknown'; readonly reason: 'nothing-recognised' | 'absence-without-category' };

export type UnderstoodIntent = Exclude<QuestionIntent, { kind: 'unknown' }>;

/** What the parser can recognise: the configuration, the townships, the records' names. */
export interface QuestionVocabulary {
  readonly categories: readonly CategoryConfig[];
  readonly serviceTags: readonly ServiceTagConfig[];
  /** Townships (county, town) with their English names where known. */
  readonly townships: readonly { county: string; town: string; countyEn?: string; townEn?: string }[];
  /** The county questions are about when they name none (the area filter's, else the data's only county). */
  readonly defaultCounty: string;
  /** Records that an anchor may name: category, county, town and name by index. */
  readonly records: readonly { category: string; county: string; town: string; name: string }[];
  readonly thisYear: number;
}

interface Mention {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

const DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 三 → 3, 十五 → 15, 二十 → 20, 1.5 → 1.5. */
function readNumber(text: string): number {
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === '十') return 10;
  const m = /^([一二兩三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (m) return (m[1] ? (DIGITS[m[1]] ?? 1) : 1) * 10 + (m[2] ? (DIGITS[m[2]] ?? 0) : 0);
  return DIGITS[text] ?? Number.NaN;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?|[一二兩三四五六七八九十]+)`;
const DISTANCE = new RegExp(
  String.raw`${NUMBER}\s*(公里|千米|km|kilomet(?:er|re)s?|公尺|米|m\b|met(?:er|re)s?)\s*(?:以內|之內|內|範圍內|範圍)?`,
  'i',
);
const NEAR_WORDS = /附近|周邊|周圍|旁邊|\bnear(?:by)?\b|\bclose to\b|\baround\b/i;
const CHANGE_WORDS = /新增|新設|新成立|新開|增加|多了|\bnew\b|\badded\b|\bopened\b|\bincrease/i;
const ABSENCE_WORDS =
  /沒有|缺少|缺乏|尚無|不足|\bwithout\b|\black(?:ing|s)?\b|\bmissing\b|\bhave no\b|\bhas no\b|\bno\b/i;
const COUNT_WORDS = /幾|多少|數量|總數|\bhow many\b|\bnumber of\b|\bcount\b/i;
const VILLAGE_WORDS = /村里|村|里|\bvillages?\b|\bneighbou?rhoods?\b/i;
const TOWNSHIP_WORDS = /鄉鎮|\btownships?\b|\bdistricts?\b/i;

/** Folds the text the way names are compared: NFKC, 台 → 臺, lower case, centre → center, single spaces. */
export function normaliseQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/台/g, '臺')
    .toLowerCase()
    .replace(/centre/g, 'center')
    .replace(/[?？!！。，,、]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every name of a category or tag, longest first, folded; English plurals are matched by an optional s. */
function namesOf(item: CategoryConfig | ServiceTagConfig): string[] {
  return [item.label.zh, item.label.en, ...item.aliases]
    .map(normaliseQuestion)
    .filter((n) => n.length >= 2)
    .sort((a, b) => b.length - a.length);
}

/** Non-overlapping mentions of any of the named things, longest names claiming their text first. */
function mentions(text: string, named: readonly { id: string; names: readonly string[] }[]): Mention[] {
  const all: (Mention & { length: number })[] = [];
  for (const { id, names } of named)
    for (const name of names) {
      const latin = /^[a-z]/.test(name);
      const pattern = latin
        ? new RegExp(String.raw`\b${escapeRegExp(name)}(?:e?s)?\b`, 'g')
        : new RegExp(escapeRegExp(name), 'g');
      for (const m of text.matchAll(pattern))
        all.push({ id, start: m.index, end: m.index + m[0].length, length: name.length });
    }
  all.sort((a, b) => b.length - a.length || a.start - b.start);
  const taken: Mention[] = [];
  for (const m of all)
    if (!taken.some((t) => m.start < t.end && t.start < m.end))
      taken.push({ id: m.id, start: m.start, end: m.end });
  return taken.sort((a, b) => a.start - b.start);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Township mentions: full names (民雄鄉), short names (民雄) and English names (Minxiong), as `county|town` ids. */
function placeMentions(text: string, vocabulary: QuestionVocabulary): Mention[] {
  const byName = new Map<string, string[]>();
  const add = (name: string, id: string) => {
    const key = normaliseQuestion(name);
    if (key.length < 2) return;
    const list = byName.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    byName.set(key, list);
  };
  for (const t of vocabulary.townships) {
    const id = `${t.county}|${t.town}`;
    add(t.town, id);
    const short = t.town.slice(0, -1);
    if (short.length >= 2 && /[鄉鎮市區]$/.test(t.town)) add(short, id);
    if (t.townEn) add(t.townEn, id);
  }
  const counties = new Map<string, string>();
  for (const t of vocabulary.townships) {
    counties.set(normaliseQuestion(t.county), `${t.county}|`);
    if (t.countyEn) counties.set(`${normaliseQuestion(t.countyEn)} county`, `${t.county}|`);
  }
  // An ambiguous short name (中正: 臺北市 or 基隆市) goes to the default county when it has it.
  const named = [...byName].map(([name, ids]) => {
    const preferred = ids.find((id) => id.startsWith(`${vocabulary.defaultCounty}|`)) ?? ids[0] ?? '';
    return { id: preferred, names: [name] };
  });
  for (const [name, id] of counties) named.push({ id, names: [name] });
  return mentions(text, named);
}

/**
 * Understands a question about the resources, locally (no network): counts (金寧鄉有幾家友善商店), absence
 * (哪些村里沒有關懷據點), nearness (民雄社福中心 3 公里內的課後照顧) and change (今年新增了哪些據點), in Chinese
 * or English. A question naming only a category or a place lists them. Anything else is `unknown`, so the UI can
 * say it did not understand and offer examples.
 */
export function parseQuestion(question: string, vocabulary: QuestionVocabulary): QuestionIntent {
  const text = normaliseQuestion(question);
  const categoryNames = vocabulary.categories.map((c) => ({ id: c.id, names: namesOf(c) }));
  const serviceNames = vocabulary.serviceTags.map((t) => ({ id: t.id, names: namesOf(t) }));
  const categories = mentions(text, categoryNames);
  const services = mentions(text, serviceNames).filter(
    (s) => !categories.some((c) => s.start < c.end && c.start < s.end),
  );
  const places = placeMentions(text, vocabulary);
  const distance = DISTANCE.exec(text);
  const nearWord = NEAR_WORDS.exec(text);
  const near = distance ?? nearWord;

  let anchor: QuestionAnchor | null = null;
  let anchorSpan: [number, number] | null = null;
  let radiusKm = 1;
  if (near) {
    if (distance) {
      const value = readNumber(distance[1] ?? '');
      const unit = (distance[2] ?? '').toLowerCase();
      radiusKm = /公里|千米|km|kilomet/.test(unit) ? value : value / 1000;
    }
    // The anchor is what the distance is measured from: "X 3 公里內的 Y" / "Y within 3 km of X" / "Y near X".
    const before: [number, number] = [0, near.index];
    const afterStart = near.index + near[0].length;
    const ofMatch = /^\s*(?:of|from)\s/.exec(text.slice(afterStart));
    const english = /[a-z]{3}/.test(text.slice(0, near.index)) || ofMatch !== null;
    anchorSpan = english
      ? [afterStart + (ofMatch?.[0].length ?? 0), text.length]
      : [/離|距離|從/.exec(text.slice(0, near.index))?.index ?? 0, near.index];
    if (english && anchorSpan[0] >= anchorSpan[1]) anchorSpan = before;
    anchor = resolveAnchor(text, anchorSpan, categories, places, vocabulary);
  }
  const inAnchor = (m: Mention) => anchorSpan !== null && m.start >= anchorSpan[0] && m.end <= anchorSpan[1];
  const category = categories.find((m) => !inAnchor(m))?.id ?? null;
  const service = services.find((m) => !inAnchor(m))?.id ?? null;
  const place = places.find((m) => !inAnchor(m))?.id ?? '';
  const [placeCounty = '', placeTown = ''] = place.split('|');
  const county = placeCounty;
  const town = placeTown;

  const years = changeYears(text, vocabulary.thisYear);
  const understood = {
    category,
    service,
    county,
    town,
    unit: 'township' as 'village' | 'township',
    anchor: null,
    radiusKm,
    fromYear: years.from,
    toYear: years.to,
  };
  if (near && anchor) {
    const radius = Number.isFinite(radiusKm) && radiusKm > 0 ? radiusKm : 1;
    return { ...understood, kind: 'near', county: '', town: '', anchor, radiusKm: radius };
  }
  if (CHANGE_WORDS.test(text) || years.explicit) return { ...understood, kind: 'change' };
  if (ABSENCE_WORDS.test(text)) {
    if (!category) return { kind: 'unknown', reason: 'absence-without-category' };
    const words = text.replace(/公里/g, '');
    const unit = VILLAGE_WORDS.test(words)
      ? 'village'
      : TOWNSHIP_WORDS.test(words)
        ? 'township'
        : town
          ? 'village'
          : 'township';
    return { ...understood, kind: 'absence', unit };
  }
  if (COUNT_WORDS.test(text)) return { ...understood, kind: 'count' };
  if (category || service || place) return { ...understood, kind: 'list' };
  return { kind: 'unknown', reason: 'nothing-recognised' };
}

/** 今年 → this year; 去年 → last year; 2021 年以來 / since 2021 / 近 3 年 / 112 年 → those years; default this year. */
function changeYears(text: string, thisYear: number): { from: number; to: number; explicit: boolean } {
  if (/今年|this year/.test(text)) return { from: thisYear, to: thisYear, explicit: true };
  if (/去年|last year/.test(text)) return { from: thisYear - 1, to: thisYear - 1, explicit: true };
  if (/前年/.test(text)) return { from: thisYear - 2, to: thisYear - 2, explicit: true };
  const recent = new RegExp(String.raw`(?:近|最近|過去)\s*${NUMBER}\s*年|(?:last|past)\s+(\d+)\s+years`).exec(
    text,
  );
  if (recent) {
    const n = readNumber(recent[1] ?? recent[2] ?? '');
    if (Number.isFinite(n) && n >= 1) return { from: thisYear - n + 1, to: thisYear, explicit: true };
  }
  const year = /(?:since|from|自|從)?\s*(?:民國)?\s*(\d{3,4})\s*(?:年)?\s*(以來|起|之後|後)?/.exec(text);
  if (year?.[1]) {
    const raw = Number(year[1]);
    const y = raw < 1000 ? raw + 1911 : raw;
    if (y >= 1950 && y <= thisYear) {
      const open = /since|from|自|從/.test(year[0]) || Boolean(year[2]);
      return { from: y, to: open ? thisYear : y, explicit: true };
    }
  }
  return { from: thisYear, to: thisYear, explicit: false };
}

/**
 * The record or township a "near" question measures from: the first record of the anchor's category in its
 * township (民雄社福中心 → the welfare centre of 民雄鄉), else a record whose name the anchor contains or that
 * contains it, else the township itself.
 */
function resolveAnchor(
  text: string,
  [start, end]: [number, number],
  categories: readonly Mention[],
  places: readonly Mention[],
  vocabulary: QuestionVocabulary,
): QuestionAnchor | null {
  const inside = (m: Mention) => m.start >= start && m.end <= end;
  const category = categories.find(inside)?.id;
  const [county = '', town = ''] = (places.find(inside)?.id ?? '').split('|');
  const { records } = vocabulary;
  if (category && town) {
    const i = records.findIndex((r) => r.category === category && r.town === town);
    if (i >= 0) return { kind: 'resource', index: i };
  }
  const place = places.find(inside);
  // An anchor that is only a place name (民雄鄉 2 公里內, near Fanlu) is the township, not a record named after it.
  const rest = place ? text.slice(start, place.start) + text.slice(place.end, end) : text.slice(start, end);
  if (place && town && rest.replace(/\b(?:the|of|from)\b|離|距離|從|的|\s/g, '').length === 0)
    return { kind: 'town', county, town };
  const words = text
    .slice(start, end)
    .replace(/^(?:the|離|距離|從)\s*/, '')
    .replace(/\s*(?:的|之)$/, '')
    .trim();
  if (words.length >= 2) {
    const i = records.findIndex((r) => {
      const name = normaliseQuestion(r.name);
      return name.length >= 2 && (name.includes(words) || words.includes(name));
    });
    if (i >= 0) return { kind: 'resource', index: i };
  }
  if (town) return { kind: 'town', county, town };
  return null;
}

/** A township's `county|town` key as the parser's ids write it. */
export const questionPlaceId = (county: string, town: string) => `${placeKey(county)}|${placeKey(town)}`;
