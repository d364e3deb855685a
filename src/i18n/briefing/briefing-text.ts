import type { TownshipBriefing } from '../../domain/briefing/township-briefing.ts';
import type { BriefingConfig } from '../../domain/model/briefing-config.ts';
import type { Language } from '../../domain/model/language.ts';
import { formatNumber } from '../translate.ts';
import { translateBriefing } from './translate-briefing.ts';

/** Names the sentences need, in the language written: categories, service tags, records by index. */
export interface BriefingNames {
  category(id: string): string;
  service(id: string): string;
  resource(index: number): string;
}

const radiusFormats = new Map<string, Intl.NumberFormat>();

/** A radius as an office writes it: 500 公尺, 5 公里 (not 5.0), 1.5 km. */
export function formatRadius(metres: number, lang: Language): string {
  const unit = metres < 1000 ? 'meter' : 'kilometer';
  const key = `${lang}|${unit}`;
  let format = radiusFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    });
    radiusFormats.set(key, format);
  }
  return format.format(metres < 1000 ? metres : metres / 1000);
}

const ratioFormats = new Map<Language, Intl.NumberFormat>();

/** Resources per 1,000 residents with two decimals, in the language's way: 0.10, or 0,10 in Vietnamese. */
export function formatRatio(ratio: number, lang: Language): string {
  let format = ratioFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    ratioFormats.set(lang, format);
  }
  return format.format(ratio);
}

/** Places listed by name in a sentence; beyond these, "等 N 個". */
const LISTED = 6;

/** A list of names in the language's way: 湖埔村、盤山村 / Hupu, Panshan (the first few, then how many in all). */
export function listNames(names: readonly string[], lang: Language): string {
  const t = (key: Parameters<typeof translateBriefing>[1], values?: Record<string, string | number>) =>
    translateBriefing(lang, key, values);
  const shown = names.slice(0, LISTED).join(t('briefing.listSeparator'));
  return names.length > LISTED ? `${shown} ${t('briefing.andMore', { count: names.length })}` : shown;
}

/**
 * The briefing's key points as sentences, from templates in the UI language (never from a remote model):
 * "民雄鄉有 2 處友善商店，比 2025 年底多 1 處。" "北村、南村 5 公里內沒有社福中心。"
 */
export function briefingSentences(
  b: TownshipBriefing,
  lang: Language,
  names: BriefingNames,
  config: BriefingConfig,
): string[] {
  const t = (key: Parameters<typeof translateBriefing>[1], values?: Record<string, string | number>) =>
    translateBriefing(lang, key, values);
  const n = (x: number) => formatNumber(lang, x);
  const km = (m: number) => formatRadius(m, lang);
  const out: string[] = [t('briefing.s.total', { town: b.town, total: n(b.total) })];
  for (const c of b.counts) {
    if (c.count === 0) continue;
    let sentence = t('briefing.s.count', {
      town: b.town,
      count: n(c.count),
      category: names.category(c.category),
    });
    if (c.added !== null && b.sinceYear !== null)
      sentence +=
        c.added > 0
          ? t('briefing.s.more', { year: b.sinceYear, added: n(c.added) })
          : t('briefing.s.same', { year: b.sinceYear });
    out.push(sentence + t('briefing.s.end'));
  }
  if (b.population)
    out.push(
      t('briefing.s.perThousand', {
        population: n(b.population),
        ratio: formatRatio((1000 * b.total) / b.population, lang),
      }),
    );
  if (b.missingCategories.length > 0)
    out.push(
      t('briefing.s.missing', {
        categories: listNames(
          b.missingCategories.map((m) => names.category(m.category)),
          lang,
        ),
      }),
    );
  if (b.villageCount > 0) {
    const radius = km(config.villageRadiusMetres);
    out.push(
      b.farVillages.length > 0
        ? t('briefing.s.far', {
            villages: listNames(
              b.farVillages.map((v) => v.village),
              lang,
            ),
            radius,
          })
        : t('briefing.s.allNear', { radius }),
    );
  }
  if (b.communitiesWithoutShop.length > 0)
    out.push(
      t('briefing.s.communities', {
        names: listNames(
          b.communitiesWithoutShop.map((c) => names.resource(c.index)),
          lang,
        ),
        radius: km(config.shopRadiusMetres),
      }),
    );
  for (const p of b.targets) {
    const status = t(p.met ? 'briefing.status.met' : 'briefing.status.notMet');
    const category = names.category(p.target.category);
    if (p.target.kind === 'share-with-service')
      out.push(
        t('briefing.s.targetShare', {
          category,
          reached: n(p.reached),
          of: n(p.of),
          percent: p.of === 0 ? 0 : Math.round((100 * p.reached) / p.of),
          service: names.service(p.target.service),
          target: p.target.percent,
          status,
        }),
      );
    else if (p.target.kind === 'every-village') {
      if (p.of > 0)
        out.push(t('briefing.s.targetVillage', { reached: n(p.reached), of: n(p.of), category, status }));
    } else out.push(t('briefing.s.targetTownship', { category, status }));
  }
  return out;
}
