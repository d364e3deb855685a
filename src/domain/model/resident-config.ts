import { type Label, parseLabel } from './categories.ts';

/** A need a resident can name ("我需要餐食"), mapped to the service tags that answer it. */
export interface NeedConfig {
  readonly id: string;
  readonly label: Label;
  /** Service tag ids; a resource offering any of them answers the need. */
  readonly services: readonly string[];
  /** Urgent needs show the hotlines as well. */
  readonly showHotlines: boolean;
  /** Hotline numbers shown with this need's results, e.g. 1966 (長照專線) with 長輩照顧. */
  readonly hotlines: readonly string[];
}

/** A phone line for urgent help, e.g. 113 保護專線. */
export interface HotlineConfig {
  readonly number: string;
  readonly label: Label;
}

/** What residents see beyond the data: needs, hotlines and where to report a mistake (all in the manifest). */
export interface ResidentConfig {
  readonly needs: readonly NeedConfig[];
  readonly hotlines: readonly HotlineConfig[];
  /** Hotline numbers shown in the detail of a record of a category (welfare centres: 1957, 113, 1925, 1966…). */
  readonly categoryHotlines: Readonly<Record<string, readonly string[]>>;
  /** mailto: or http(s) URL with {id}, {name}, {address} (and {change}) placeholders; null shows no report link. */
  readonly correctionUrl: string | null;
}

/** Used when the manifest has no `needs`, `hotlines` or `correctionUrl`, so older manifests keep working. */
export const DEFAULT_RESIDENT_CONFIG: ResidentConfig = {
  needs: [
    {
      id: 'meals',
      label: {
        zh: '我需要餐食',
        en: 'I need a meal',
        vi: 'Tôi cần bữa ăn',
        id: 'Saya perlu makanan',
        th: 'ฉันต้องการอาหาร',
      },
      services: ['meals'],
      showHotlines: false,
      hotlines: [],
    },
    {
      id: 'child-safe',
      label: {
        zh: '孩子安全等候',
        en: 'A safe place for my child',
        vi: 'Chỗ an toàn cho con tôi',
        id: 'Tempat aman untuk anak saya',
        th: 'ที่ปลอดภัยสำหรับลูกของฉัน',
      },
      services: ['child-safe-waiting', 'after-school-care'],
      showHotlines: false,
      hotlines: [],
    },
    {
      id: 'talk',
      label: {
        zh: '想找人聊聊',
        en: 'Someone to talk to',
        vi: 'Tôi cần người để nói chuyện',
        id: 'Saya perlu teman bicara',
        th: 'อยากมีคนคุยด้วย',
      },
      services: ['counselling', 'welfare-advice'],
      showHotlines: false,
      hotlines: [],
    },
    {
      id: 'elder-care',
      label: {
        zh: '長輩照顧',
        en: 'Care for an older person',
        vi: 'Chăm sóc người già',
        id: 'Perawatan orang lanjut usia',
        th: 'ดูแลผู้สูงอายุ',
      },
      services: ['long-term-care', 'home-visits'],
      showHotlines: false,
      hotlines: ['1966'],
    },
    {
      id: 'urgent',
      label: {
        zh: '緊急求助',
        en: 'Urgent help',
        vi: 'Cần giúp gấp',
        id: 'Bantuan darurat',
        th: 'ขอความช่วยเหลือด่วน',
      },
      services: ['referral'],
      showHotlines: true,
      hotlines: [],
    },
  ],
  hotlines: [
    {
      number: '110',
      label: { zh: '報案（警察）', en: 'Police', vi: 'Công an (báo án)', id: 'Polisi', th: 'ตำรวจ' },
    },
    {
      number: '119',
      label: {
        zh: '火災、救護車',
        en: 'Fire and ambulance',
        vi: 'Cứu hỏa và xe cứu thương',
        id: 'Pemadam kebakaran dan ambulans',
        th: 'ดับเพลิงและรถพยาบาล',
      },
    },
    {
      number: '113',
      label: {
        zh: '保護專線（家暴、兒少、性侵害）',
        en: 'Protection hotline (violence, child abuse)',
        vi: 'Đường dây bảo vệ (bạo lực gia đình, xâm hại trẻ em, xâm hại tình dục)',
        id: 'Saluran perlindungan (kekerasan dalam rumah tangga, anak, seksual)',
        th: 'สายด่วนคุ้มครอง (ความรุนแรงในครอบครัว เด็ก การล่วงละเมิดทางเพศ)',
      },
    },
    {
      number: '1925',
      label: {
        zh: '安心專線（24 小時心理諮詢）',
        en: 'Mental health line (24 hours)',
        vi: 'Đường dây sức khỏe tâm thần (24 giờ)',
        id: 'Saluran kesehatan jiwa (24 jam)',
        th: 'สายด่วนสุขภาพจิต (24 ชั่วโมง)',
      },
    },
    {
      number: '1957',
      label: {
        zh: '福利諮詢專線',
        en: 'Welfare advice line',
        vi: 'Đường dây tư vấn phúc lợi',
        id: 'Saluran konsultasi kesejahteraan',
        th: 'สายด่วนปรึกษาสวัสดิการ',
      },
    },
    {
      number: '1966',
      label: {
        zh: '長照專線（長期照顧服務）',
        en: 'Long-term care line',
        vi: 'Đường dây chăm sóc dài hạn',
        id: 'Saluran perawatan jangka panjang',
        th: 'สายด่วนการดูแลระยะยาว',
      },
    },
  ],
  categoryHotlines: {
    'welfare-center': ['1957', '113', '1925', '1966'],
    'care-point': ['1966', '1957'],
    'mental-health': ['1925'],
    'after-school': ['113', '1957'],
    'community-association': ['1957'],
  },
  correctionUrl: null,
};

type Obj = Record<string, unknown>;

/** Whether a manifest sets any resident setting (otherwise the defaults apply and the manifest stays as it was). */
export function hasResidentSettings(obj: Obj): boolean {
  return (
    obj.needs !== undefined ||
    obj.hotlines !== undefined ||
    obj.categoryHotlines !== undefined ||
    obj.correctionUrl !== undefined
  );
}

/** The resident settings of a parsed manifest: its own, or the defaults for its service tags. */
export function residentConfigOf(manifest: {
  readonly residents?: ResidentConfig;
  readonly serviceTags: readonly { readonly id: string }[];
  readonly categories: readonly { readonly id: string }[];
}): ResidentConfig {
  return (
    manifest.residents ?? {
      ...DEFAULT_RESIDENT_CONFIG,
      needs: defaultNeeds(new Set(manifest.serviceTags.map((t) => t.id))),
      categoryHotlines: defaultCategoryHotlines(new Set(manifest.categories.map((c) => c.id))),
    }
  );
}
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads the optional resident settings of a manifest, reporting problems as the rest of the manifest does.
 * A missing setting takes its default; a present one must be valid.
 */
export function parseResidentConfig(
  obj: Obj,
  serviceTagIds: ReadonlySet<string>,
  categoryIds: ReadonlySet<string>,
  problems: string[],
): ResidentConfig {
  const needs =
    obj.needs === undefined
      ? defaultNeeds(serviceTagIds)
      : list(obj.needs, 'needs', problems).map((n, i): NeedConfig => {
          const o = isObject(n) ? n : {};
          const services = Array.isArray(o.services) ? o.services.filter((s) => typeof s === 'string') : [];
          if (services.length === 0) problems.push(`needs[${i}].services must list service tag ids`);
          for (const s of services) {
            if (!serviceTagIds.has(s)) problems.push(`needs[${i}].services "${s}" is not a service tag id`);
          }
          return {
            id: text(o.id, `needs[${i}].id`, problems),
            label: parseLabel(o.label, `needs[${i}].label`, problems),
            services,
            showHotlines: o.showHotlines === true,
            hotlines: numbers(o.hotlines, `needs[${i}].hotlines`, problems),
          };
        });
  const hotlines =
    obj.hotlines === undefined
      ? DEFAULT_RESIDENT_CONFIG.hotlines
      : list(obj.hotlines, 'hotlines', problems).map((h, i): HotlineConfig => {
          const o = isObject(h) ? h : {};
          const number = text(o.number, `hotlines[${i}].number`, problems);
          if (number && !/^\+?[\d-]{3,20}$/.test(number))
            problems.push(`hotlines[${i}].number must be digits, e.g. 113`);
          return { number, label: parseLabel(o.label, `hotlines[${i}].label`, problems) };
        });
  const categoryHotlines =
    obj.categoryHotlines === undefined
      ? defaultCategoryHotlines(categoryIds)
      : parseCategoryHotlines(obj.categoryHotlines, categoryIds, problems);
  const known = new Set(hotlines.map((h) => h.number));
  const unknownNumbers = [
    ...needs.flatMap((n, i) => n.hotlines.map((number) => [`needs[${i}].hotlines`, number] as const)),
    ...Object.entries(categoryHotlines).flatMap(([id, list]) =>
      list.map((number) => [`categoryHotlines.${id}`, number] as const),
    ),
  ].filter(([, number]) => !known.has(number));
  for (const [path, number] of unknownNumbers)
    problems.push(`${path} "${number}" is not one of the hotlines`);
  let correctionUrl: string | null = DEFAULT_RESIDENT_CONFIG.correctionUrl;
  if (obj.correctionUrl !== undefined && obj.correctionUrl !== null && obj.correctionUrl !== '') {
    correctionUrl = typeof obj.correctionUrl === 'string' ? obj.correctionUrl : '';
    if (!/^(mailto:|https?:\/\/)/i.test(correctionUrl))
      problems.push('correctionUrl must start with mailto: or https://');
  }
  return { needs, hotlines, categoryHotlines, correctionUrl };
}

/**
 * The report-a-correction link for one resource: placeholders ({id}, {name}, {address}, {change}) are filled in,
 * URL-encoded. A resident's proposed change goes where the template puts {change}; a template without it gets the
 * change added to a mailto's body (on a new line after what the template wrote) or as a `change` parameter of a
 * form's address. e.g. "mailto:a@b.org?subject=更正：{name}&body=編號：{id}" with the change "電話：05-1 → 05-2"
 * → "mailto:a@b.org?subject=更正：%E5%98%89…&body=編號：…%0A電話…". Null unless mailto/http(s).
 */
export function correctionLink(
  template: string | null,
  resource: { readonly id: string; readonly name: string; readonly address: string },
  change = '',
): string | null {
  if (!template) return null;
  const values = { id: resource.id, name: resource.name, address: resource.address, change };
  let filled = template.replace(/\{(id|name|address|change)\}/g, (_, key: keyof typeof values) =>
    encodeURIComponent(values[key]),
  );
  if (change !== '' && !template.includes('{change}')) filled = withChange(filled, change);
  try {
    const url = new URL(filled);
    return ['mailto:', 'http:', 'https:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** Adds the change to a filled link: after a mailto's body (%0A-separated; %20 kept, never "+"), or as `change=`. */
function withChange(link: string, change: string): string {
  const text = encodeURIComponent(change);
  const hash = link.indexOf('#');
  const [head, tail] = hash < 0 ? [link, ''] : [link.slice(0, hash), link.slice(hash)];
  const joiner = head.includes('?') ? '&' : '?';
  if (!/^mailto:/i.test(head)) return `${head}${joiner}change=${text}${tail}`;
  const body = /([?&]body=)([^&]*)/i.exec(head);
  if (!body) return `${head}${joiner}body=${text}${tail}`;
  const end = body.index + body[0].length;
  return `${head.slice(0, end)}${body[2] ? '%0A' : ''}${text}${head.slice(end)}${tail}`;
}

/** The default needs, keeping only tags this manifest has (a need left with none is dropped unless urgent). */
function defaultNeeds(serviceTagIds: ReadonlySet<string>): NeedConfig[] {
  return DEFAULT_RESIDENT_CONFIG.needs
    .map((need) => ({ ...need, services: need.services.filter((s) => serviceTagIds.has(s)) }))
    .filter((need) => need.services.length > 0 || need.showHotlines);
}

/** The default category hotlines, for the categories this manifest has. */
function defaultCategoryHotlines(categoryIds: ReadonlySet<string>): Record<string, readonly string[]> {
  return Object.fromEntries(
    Object.entries(DEFAULT_RESIDENT_CONFIG.categoryHotlines).filter(([id]) => categoryIds.has(id)),
  );
}

function parseCategoryHotlines(
  v: unknown,
  categoryIds: ReadonlySet<string>,
  problems: string[],
): Record<string, readonly string[]> {
  if (!isObject(v)) {
    problems.push('categoryHotlines must map category ids to lists of hotline numbers');
    return {};
  }
  const result: Record<string, readonly string[]> = {};
  for (const [id, list] of Object.entries(v)) {
    if (!categoryIds.has(id)) problems.push(`categoryHotlines "${id}" is not a category id`);
    else result[id] = numbers(list, `categoryHotlines.${id}`, problems);
  }
  return result;
}

/** An optional list of hotline numbers (missing: none). */
function numbers(v: unknown, path: string, problems: string[]): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v) && v.every((n) => typeof n === 'string')) return v;
  problems.push(`${path} must be a list of hotline numbers, e.g. ["1966"]`);
  return [];
}

function list(v: unknown, path: string, problems: string[]): unknown[] {
  if (Array.isArray(v)) return v;
  problems.push(`${path} must be a list`);
  return [];
}
function text(v: unknown, path: string, problems: string[]): string {
  if (typeof v === 'string' && v !== '') return v;
  problems.push(`${path} must be a non-empty text`);
  return '';
}
