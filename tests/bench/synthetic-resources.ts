import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CategoryConfig, ServiceTagConfig } from '../../src/domain/model/categories.ts';
import { isInTaiwan } from '../../src/domain/model/coordinates.ts';
import { type Manifest, parseManifest } from '../../src/domain/model/manifest.ts';

/** The repository's own configuration and gazetteer, read from data/. */
export function readRepoData(root = process.cwd()): {
  manifest: Manifest;
  manifestJson: string;
  gazetteerText: string;
} {
  const manifestJson = readFileSync(resolve(root, 'data', 'manifest.json'), 'utf8');
  const manifest = parseManifest(JSON.parse(manifestJson));
  const gazetteerText = readFileSync(resolve(root, 'data', manifest.gazetteer), 'utf8');
  return { manifest, manifestJson, gazetteerText };
}

/** mulberry32: a small, fast, seedable PRNG, so every run generates the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Town {
  readonly county: string;
  readonly town: string;
  readonly zipcode: string;
  readonly lat: number;
  readonly lng: number;
  readonly weight: number;
}

const MUNICIPALITIES = new Set(['臺北市', '新北市', '桃園市', '臺中市', '臺南市', '高雄市']);

/** Rough population weight, so cities get more resources than mountain townships. */
function townWeight(county: string, town: string): number {
  if (MUNICIPALITIES.has(county)) return town.endsWith('區') ? 4 : 1;
  if (county.endsWith('市') || town.endsWith('市')) return 3;
  return town.endsWith('鎮') ? 2 : 1;
}

function readTowns(gazetteerText: string): Town[] {
  return gazetteerText
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => cells.length >= 5 && cells[3] !== '' && cells[4] !== '')
    .map(([county = '', town = '', zipcode = '', lat = '', lng = '']) => ({
      county,
      town,
      zipcode,
      lat: Number(lat),
      lng: Number(lng),
      weight: townWeight(county, town),
    }));
}

const VILLAGE_WORDS = [
  '中正',
  '中山',
  '仁愛',
  '和平',
  '福德',
  '大同',
  '新興',
  '光明',
  '復興',
  '民生',
  '永安',
  '長安',
];
const VILLAGE_WORDS_2 = [
  '東興',
  '西安',
  '南興',
  '北勢',
  '忠孝',
  '信義',
  '文化',
  '崇德',
  '興隆',
  '頂庄',
  '下寮',
  '溪洲',
];
const ROADS = [
  '中山路',
  '中正路',
  '民生路',
  '民族路',
  '光復路',
  '建國路',
  '復興路',
  '和平路',
  '成功路',
  '自由路',
  '文化路',
];
const SECTIONS = ['', '', '', '一段', '二段', '三段'];
const SHOP_WORDS = [
  '阿美',
  '福安',
  '順發',
  '永和',
  '金鶴',
  '好鄰居',
  '大樹',
  '日日',
  '小鎮',
  '幸福',
  '晨光',
  '老街',
];
const SHOP_TYPES = ['早餐店', '藥局', '便利商店', '文具行', '麵包坊', '雜貨店', '書局', '診所'];
const AREA_CODES: Record<string, string> = {
  臺北市: '02',
  新北市: '02',
  基隆市: '02',
  桃園市: '03',
  新竹市: '03',
  新竹縣: '03',
  宜蘭縣: '03',
  花蓮縣: '03',
  苗栗縣: '037',
  臺中市: '04',
  彰化縣: '04',
  南投縣: '049',
  雲林縣: '05',
  嘉義市: '05',
  嘉義縣: '05',
  臺南市: '06',
  澎湖縣: '06',
  高雄市: '07',
  屏東縣: '08',
  臺東縣: '089',
  金門縣: '082',
  連江縣: '0836',
};

export const CSV_HEADERS = [
  'id',
  '名稱',
  '類別',
  '服務項目',
  '地址',
  '電話',
  '緯度',
  '經度',
  '開放時間',
  '資料來源',
  '最後確認日期',
] as const;

export interface SyntheticOptions {
  readonly count: number;
  readonly seed?: number;
  /** Share of rows with an address but no coordinates (placed at the township centroid). */
  readonly withoutCoordinates?: number;
  /** Share of rows with latitude and longitude in each other's column. */
  readonly swapped?: number;
}

export interface SyntheticDataset {
  readonly headers: readonly string[];
  readonly rows: string[][];
  readonly stats: { readonly withoutCoordinates: number; readonly swapped: number };
}

/**
 * Resources spread over Taiwan's townships: Chinese names and addresses from the gazetteer, categories and
 * services written as the manifest's labels or aliases (so the importer's matching is exercised).
 */
export function generateResources(
  config: { categories: readonly CategoryConfig[]; serviceTags: readonly ServiceTagConfig[] },
  gazetteerText: string,
  options: SyntheticOptions,
): SyntheticDataset {
  const random = seededRandom(options.seed ?? 20240601);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const towns = readTowns(gazetteerText);
  const cumulative: number[] = [];
  let total = 0;
  for (const t of towns) {
    total += t.weight;
    cumulative.push(total);
  }
  const pickTown = (): Town => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return towns[lo] as Town;
  };
  const gaussian = () => (random() + random() + random() - 1.5) / 1.5;
  const withoutShare = options.withoutCoordinates ?? 0.08;
  const swappedShare = options.swapped ?? 0.005;
  let withoutCoordinates = 0;
  let swapped = 0;
  const rows: string[][] = [];
  for (let i = 0; i < options.count; i++) {
    const town = pickTown();
    const short = town.town.length > 2 ? town.town.slice(0, -1) : town.town;
    const villageSuffix = town.town.endsWith('鄉') ? '村' : '里';
    const village = `${pick(VILLAGE_WORDS)}${random() < 0.5 ? '' : pick(VILLAGE_WORDS_2).slice(0, 1)}${villageSuffix}`;
    const category = pick(config.categories);
    const categoryLabel = random() < 0.8 ? category.label.zh : pick([category.label.zh, ...category.aliases]);
    const name = resourceName(category.id, category.label.zh, town, short, village, i, pick);
    const services = pickServices(config.serviceTags, random, pick);
    const road = `${pick(ROADS)}${pick(SECTIONS)}`;
    const lane = random() < 0.3 ? `${1 + Math.floor(random() * 300)}巷` : '';
    const county = random() < 0.15 ? town.county.replace(/臺/g, '台') : town.county;
    const zip = random() < 0.2 ? town.zipcode : '';
    const address = `${zip}${county}${town.town}${village}${road}${lane}${1 + Math.floor(random() * 500)}號`;
    const area = AREA_CODES[town.county] ?? '02';
    const phone = `(${area})${2000 + Math.floor(random() * 7000)}-${String(Math.floor(random() * 10000)).padStart(4, '0')}`;
    let lat = '';
    let lng = '';
    if (random() >= withoutShare) {
      const [la, ln] = jitter(town, gaussian);
      [lat, lng] = [la.toFixed(6), ln.toFixed(6)];
      if (random() < swappedShare) {
        [lat, lng] = [lng, lat];
        swapped++;
      }
    } else withoutCoordinates++;
    const hours = random() < 0.4 ? 'Mo-Fr 09:00-17:00' : random() < 0.5 ? 'Mo-Sa 08:00-20:00' : '';
    const source = `${town.county}政府社會處`;
    const verified = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 900) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    rows.push([
      `bench-${i + 1}`,
      name,
      categoryLabel,
      services,
      address,
      phone,
      lat,
      lng,
      hours,
      source,
      verified,
    ]);
  }
  return { headers: CSV_HEADERS, rows, stats: { withoutCoordinates, swapped } };
}

function resourceName(
  categoryId: string,
  label: string,
  town: Town,
  short: string,
  village: string,
  i: number,
  pick: <T>(items: readonly T[]) => T,
): string {
  const n = (i % 97) + 1;
  switch (categoryId) {
    case 'welfare-center':
      return `${town.county}${short}社會福利服務中心（第${n}站）`;
    case 'friendly-shop':
      return `${pick(SHOP_WORDS)}${pick(SHOP_TYPES)}${short}店`;
    case 'community-association':
      return `${town.county}${town.town}${village}社區發展協會`;
    case 'care-point':
      return `${short}${village}社區照顧關懷據點`;
    case 'after-school':
      return `${short}${pick(VILLAGE_WORDS)}國小課後照顧班`;
    case 'mental-health':
      return `${town.county}社區心理衛生中心（${short}${n}）`;
    case 'township-office':
      return `${town.county}${town.town}公所${n > 1 ? `第${n}辦公處` : ''}`;
    default:
      return `${short}${village}${label}`;
  }
}

function pickServices(
  tags: readonly ServiceTagConfig[],
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): string {
  const count = 1 + Math.floor(random() * 3);
  const chosen = new Set<string>();
  while (chosen.size < count) {
    const tag = pick(tags);
    chosen.add(random() < 0.7 ? tag.label.zh : pick([tag.label.zh, ...tag.aliases]));
  }
  return [...chosen].join(';');
}

/** A point near the township centroid that still lies in Taiwan (islands have small boxes). */
function jitter(town: Town, gaussian: () => number): [number, number] {
  for (let spread = 0.03; spread > 0.001; spread /= 2) {
    const lat = town.lat + gaussian() * spread;
    const lng = town.lng + gaussian() * spread;
    if (isInTaiwan(lat, lng)) return [lat, lng];
  }
  return [town.lat, town.lng];
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Serialises to CSV text (CRLF, as spreadsheet exports write it). */
export function toCsv(dataset: SyntheticDataset): string {
  const lines = [dataset.headers.map(csvCell).join(',')];
  for (const row of dataset.rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
