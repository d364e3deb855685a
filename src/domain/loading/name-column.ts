import { nfkc } from '../model/normalize-text.ts';

/**
 * Endings of organisation names in Taiwan's registers: 中心, 協會, 藥局, 診所, 公所, 據點, 社區, 文健站…
 * e.g. 大同健保藥局, 民雄鄉公所, 湖美社區發展協會, 永康區公所, 瑞復益智中心.
 */
const ORGANISATION_ENDING =
  /(中心|協會|學會|基金會|藥局|藥房|診所|醫院|衛生所|公所|據點|關懷站|文健站|社區|管委會|委員會|發展協會|服務處|辦公處|辦事處|教會|教養院|養護所|護理之家|安養中心|托嬰中心|幼兒園|學校|國小|國中|高中|大學|分會|合作社|公司|商行|商店|工作室|圖書館|活動中心|分局|派出所|消防隊|局|處|署|所|站|園|館|院|會|社|室|店|宮|廟|寺|堂)$/;

/** Share of a column's filled cells that must look like organisation names. */
const SHARE = 0.6;

/**
 * The column whose values look like organisation names, for a file whose headers name no name field (機構代碼,
 * 單位, 站名…): the one with the most such values, when they are most of its cells. Numbers, addresses and
 * phones never qualify. Returns its index, or undefined.
 */
export function proposeNameColumn(
  rows: readonly (readonly string[])[],
  columnCount: number,
): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (let column = 0; column < columnCount; column++) {
    let filled = 0;
    let named = 0;
    for (const row of rows) {
      const cell = nfkc(row[column] ?? '').trim();
      if (cell === '') continue;
      filled++;
      if (looksLikeOrganisation(cell)) named++;
    }
    if (filled > 0 && named >= SHARE * filled && named > bestCount) [best, bestCount] = [column, named];
  }
  return best;
}

function looksLikeOrganisation(cell: string): boolean {
  // An address ends in 號/樓, a phone is digits: neither is a name, even when it ends in 社區 or 站.
  if (/\d+號|[縣市].+[區鄉鎮市].+[路街道]/.test(cell) || !/[\u4e00-\u9fff]{2}/.test(cell)) return false;
  return cell.length <= 40 && ORGANISATION_ENDING.test(cell);
}
