import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/domain/model/language.ts';
import { BriefingView } from '../../src/features/inventory/briefing-view.tsx';
import { translateBriefing } from '../../src/i18n/briefing/translate-briefing.ts';
import { giveBriefingPlaces, ONLY_BRIEFING_FIXTURE, showMinxiongBriefing } from './briefing-setup.ts';
import { renderWithData } from './fixtures.ts';

function renderBriefing(language: Language = 'zh-TW') {
  giveBriefingPlaces();
  const result = renderWithData(<BriefingView />, ONLY_BRIEFING_FIXTURE);
  showMinxiongBriefing(language);
  return result;
}

const rowsOf = (table: HTMLElement) =>
  within(within(table).getAllByRole('rowgroup')[1] as HTMLElement)
    .getAllByRole('row')
    .map((row) => [
      within(row).getByRole('rowheader').textContent,
      ...within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ]);

describe('township briefing page (hand-counted fixture)', () => {
  it('counts by category with what was added after the year chosen', () => {
    renderBriefing();
    expect(screen.getByRole('dialog', { name: '嘉義縣 民雄鄉資源簡報' })).toBeInTheDocument();
    expect(rowsOf(screen.getByRole('table'))).toEqual([
      ['社會福利服務中心', '1', '+0'],
      ['友善商店', '2', '+1'],
      ['社區發展協會', '3', '+0'],
      ['社區照顧關懷據點', '2', '未填'],
      ['課後照顧據點', '0', '未填'],
      ['心理衛生', '0', '未填'],
      ['鄉鎮市公所', '0', '未填'],
    ]);
  });

  it('writes the key points from templates', () => {
    renderBriefing();
    const points = within(screen.getByRole('region', { name: '重點' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(points).toEqual([
      '民雄鄉在地圖上共有 8 筆資源。',
      '民雄鄉有 1 處社會福利服務中心，與 2025 年底一樣多。',
      '民雄鄉有 2 處友善商店，比 2025 年底多 1 處。',
      '民雄鄉有 3 處社區發展協會，與 2025 年底一樣多。',
      '民雄鄉有 2 處社區照顧關懷據點。',
      '目前沒有課後照顧據點、心理衛生、鄉鎮市公所。',
      '北村、南村 5 公里內沒有社福中心。',
      '丁社區發展協會、戊社區發展協會 1 公里內沒有友善商店。',
      '社區發展協會中有 1／3（33%）投入社區防暴，目標 20%：已達成。',
      '2／4 個村里有社區照顧關懷據點，目標每個村里都有：尚未達成。',
      '目標每個鄉鎮市區都有心理衛生：尚未達成。',
    ]);
  });

  it('lists each gap with the nearest help', () => {
    renderBriefing();
    const gaps = screen.getByRole('region', { name: '缺口' });
    expect(within(gaps).getByText('北村').closest('li')).toHaveTextContent(
      '北村：民雄社福中心（10 公里）、戊社區發展協會（10 公尺）、番路友善商店（2.0 公里）',
    );
    expect(within(gaps).getByText('心理衛生').closest('li')).toHaveTextContent('番路心理諮商站');
  });

  it('adds resources per 1,000 residents once a population table is loaded', async () => {
    const { user } = renderBriefing();
    const text = '縣市,鄉鎮市區,人口數\n嘉義縣,民雄鄉,"80,000"\n';
    const csv = new File([text], 'population.csv', { type: 'text/csv' });
    // jsdom's File has no arrayBuffer (browsers' has): give it the bytes a browser would.
    Object.defineProperty(csv, 'arrayBuffer', { value: async () => new TextEncoder().encode(text).buffer });
    await user.upload(screen.getByLabelText('人口統計表（選填，CSV）'), csv);
    expect(await screen.findByText(/已載入人口：population.csv/)).toBeInTheDocument();
    expect(screen.getByText('以人口 80,000 人計，每千人有 0.10 處資源。')).toBeInTheDocument();
    expect(rowsOf(screen.getByRole('table'))[1]).toEqual(['友善商店', '2', '+1', '0.03']);
  });

  it('speaks English from the same numbers', () => {
    renderBriefing('en');
    const points = within(screen.getByRole('region', { name: 'Key points' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(points).toContain('Friendly shop in 民雄鄉: 2, 1 more than at the end of 2025.');
    expect(points).toContain('北村, 南村: no welfare centre within 5 km.');
  });
});

/**
 * The same hand-counted numbers in Vietnamese, Indonesian and Thai: 8 resources; welfare centre 1 (as many as at
 * the end of 2025), friendly shops 2 (1 more), associations 3, care points 2 (no start years); three categories
 * with none; 北村 and 南村 beyond 5 km of the welfare centre; 丁 and 戊 beyond 1 km of a shop; 1 of 3
 * associations (33%) in violence prevention against 20%; care points in 2 of 4 villages; mental health nowhere.
 */
const KEY_POINTS: readonly [Language, readonly string[]][] = [
  [
    'vi',
    [
      '民雄鄉 có 8 nơi hỗ trợ trên bản đồ.',
      'Trung tâm dịch vụ phúc lợi xã hội ở 民雄鄉: 1, bằng với cuối năm 2025.',
      'Cửa hàng thân thiện ở 民雄鄉: 2, thêm 1 so với cuối năm 2025.',
      'Hội phát triển cộng đồng ở 民雄鄉: 3, bằng với cuối năm 2025.',
      'Điểm chăm sóc cộng đồng ở 民雄鄉: 2.',
      'Loại chưa có nơi nào: Nơi giữ trẻ sau giờ học, Sức khỏe tâm thần, Văn phòng thị trấn.',
      '北村, 南村: không có trung tâm phúc lợi trong vòng 5 km.',
      '丁社區發展協會, 戊社區發展協會: không có cửa hàng thân thiện trong vòng 1 km.',
      'Hội phát triển cộng đồng: 1/3 (33%) tham gia “Phòng chống bạo lực”; mục tiêu là 20%: đã đạt.',
      'Điểm chăm sóc cộng đồng: có ở 2/4 làng; mục tiêu là làng nào cũng có: chưa đạt.',
      'Mục tiêu thị trấn nào cũng có “Sức khỏe tâm thần”: chưa đạt.',
    ],
  ],
  [
    'id',
    [
      '民雄鄉 memiliki 8 sumber bantuan di peta.',
      'Pusat layanan kesejahteraan sosial di 民雄鄉: 1, sama dengan akhir 2025.',
      'Toko ramah di 民雄鄉: 2, bertambah 1 sejak akhir 2025.',
      'Perkumpulan pengembangan masyarakat di 民雄鄉: 3, sama dengan akhir 2025.',
      'Pos kepedulian masyarakat di 民雄鄉: 2.',
      'Jenis yang belum ada: Tempat penitipan sepulang sekolah, Kesehatan jiwa, Kantor kecamatan.',
      '北村, 南村: tidak ada pusat kesejahteraan dalam 5 km.',
      '丁社區發展協會, 戊社區發展協會: tidak ada toko ramah dalam 1 km.',
      'Perkumpulan pengembangan masyarakat: 1/3 (33%) ikut serta dalam “Pencegahan kekerasan”; targetnya 20%: tercapai.',
      'Pos kepedulian masyarakat: ada di 2/4 desa; targetnya ada di setiap desa: belum tercapai.',
      'Target “Kesehatan jiwa” di setiap kecamatan: belum tercapai.',
    ],
  ],
  [
    'th',
    [
      '民雄鄉 มีแหล่งช่วยเหลือบนแผนที่ 8 แห่ง',
      '民雄鄉 มีศูนย์บริการสวัสดิการสังคม 1 แห่ง เท่ากับเมื่อสิ้นปี 2025',
      '民雄鄉 มีร้านค้าที่เป็นมิตร 2 แห่ง มากกว่าเมื่อสิ้นปี 2025 อยู่ 1 แห่ง',
      '民雄鄉 มีสมาคมพัฒนาชุมชน 3 แห่ง เท่ากับเมื่อสิ้นปี 2025',
      '民雄鄉 มีจุดดูแลในชุมชน 2 แห่ง',
      'ประเภทที่ยังไม่มี: ที่ดูแลเด็กหลังเลิกเรียน, สุขภาพจิต, สำนักงานตำบล',
      '北村, 南村 ไม่มีศูนย์สวัสดิการภายใน 5 กม.',
      '丁社區發展協會, 戊社區發展協會 ไม่มีร้านค้าที่เป็นมิตรภายใน 1 กม.',
      'สมาคมพัฒนาชุมชน 1/3 แห่ง (33%) ร่วมงานการป้องกันความรุนแรง เป้าหมาย 20%: บรรลุแล้ว',
      '2/4 หมู่บ้านมีจุดดูแลในชุมชน เป้าหมายคือมีทุกหมู่บ้าน: ยังไม่บรรลุ',
      'เป้าหมายให้ทุกตำบลมีสุขภาพจิต: ยังไม่บรรลุ',
    ],
  ],
];

/** The rows of the counts table, by language: category, count, added since 2025. */
const COUNT_ROWS: Record<string, readonly string[][]> = {
  vi: [
    ['Trung tâm dịch vụ phúc lợi xã hội', '1', '+0'],
    ['Cửa hàng thân thiện', '2', '+1'],
    ['Hội phát triển cộng đồng', '3', '+0'],
    ['Điểm chăm sóc cộng đồng', '2', 'không ghi'],
    ['Nơi giữ trẻ sau giờ học', '0', 'không ghi'],
    ['Sức khỏe tâm thần', '0', 'không ghi'],
    ['Văn phòng thị trấn', '0', 'không ghi'],
  ],
  id: [
    ['Pusat layanan kesejahteraan sosial', '1', '+0'],
    ['Toko ramah', '2', '+1'],
    ['Perkumpulan pengembangan masyarakat', '3', '+0'],
    ['Pos kepedulian masyarakat', '2', 'tidak diisi'],
    ['Tempat penitipan sepulang sekolah', '0', 'tidak diisi'],
    ['Kesehatan jiwa', '0', 'tidak diisi'],
    ['Kantor kecamatan', '0', 'tidak diisi'],
  ],
  th: [
    ['ศูนย์บริการสวัสดิการสังคม', '1', '+0'],
    ['ร้านค้าที่เป็นมิตร', '2', '+1'],
    ['สมาคมพัฒนาชุมชน', '3', '+0'],
    ['จุดดูแลในชุมชน', '2', 'ไม่ได้ระบุ'],
    ['ที่ดูแลเด็กหลังเลิกเรียน', '0', 'ไม่ได้ระบุ'],
    ['สุขภาพจิต', '0', 'ไม่ได้ระบุ'],
    ['สำนักงานตำบล', '0', 'ไม่ได้ระบุ'],
  ],
};

/** The population sentence and the friendly shops' per-1,000 cell for 80,000 residents (8 and 2 resources). */
const PER_THOUSAND: Record<string, readonly [string, string]> = {
  vi: ['Với 80.000 dân, tức là 0,10 nơi hỗ trợ trên 1.000 dân.', '0,03'],
  id: ['Dengan 80.000 penduduk, berarti ada 0,10 sumber bantuan per 1.000 penduduk.', '0,03'],
  th: ['ประชากร 80,000 คน คิดเป็นแหล่งช่วยเหลือ 0.10 แห่งต่อประชากร 1,000 คน', '0.03'],
};

/**
 * Latin words of three letters or more that the English briefing page shows; a page in another language showing
 * one of them has English left in it. Indonesian writes target, per and data as English does.
 */
const SHARED_WITH_ENGLISH: Record<string, readonly string[]> = {
  vi: ['pdf', 'csv'],
  id: ['pdf', 'csv', 'target', 'per', 'data'],
  th: ['pdf', 'csv'],
};
const latinWords = (text: string) => new Set(text.toLowerCase().match(/[a-z]{3,}/g) ?? []);

function keyPointsIn(language: Language): string[] {
  return within(screen.getByRole('region', { name: translateBriefing(language, 'briefing.keyPoints') }))
    .getAllByRole('listitem')
    .map((li) => li.textContent ?? '');
}

describe.each(KEY_POINTS)('the briefing in %s (hand-counted fixture)', (language, expected) => {
  const tb = (key: Parameters<typeof translateBriefing>[1], values?: Record<string, string | number>) =>
    translateBriefing(language, key, values);

  it('writes the key points with the same numbers', () => {
    renderBriefing(language);
    expect(
      screen.getByRole('dialog', { name: tb('briefing.heading', { town: '嘉義縣 民雄鄉' }) }),
    ).toBeVisible();
    expect(keyPointsIn(language)).toEqual(expected);
  });

  it('counts by category in the table, with its headings in the language', () => {
    renderBriefing(language);
    const table = screen.getByRole('table');
    expect(
      within(table).getByRole('columnheader', { name: tb('briefing.col.added', { year: 2025 }) }),
    ).toBeVisible();
    expect(rowsOf(table)).toEqual(COUNT_ROWS[language]);
  });

  it('lists each gap with the nearest help, distances in the language', () => {
    renderBriefing(language);
    const gaps = screen.getByRole('region', { name: tb('briefing.gapsHeading') });
    const sep = tb('briefing.listSeparator');
    const km = language === 'th' ? ['10 กม.', '10 ม.', '2.0 กม.'] : ['10 km', '10 m', '2,0 km'];
    expect(within(gaps).getByText('北村').closest('li')).toHaveTextContent(
      `北村${tb('briefing.labelSeparator')}民雄社福中心 (${km[0]})${sep}戊社區發展協會 (${km[1]})${sep}番路友善商店 (${km[2]})`,
      { normalizeWhitespace: false },
    );
  });

  it('adds resources per 1,000 residents in the language’s number format', async () => {
    const { user } = renderBriefing(language);
    const text = '縣市,鄉鎮市區,人口數\n嘉義縣,民雄鄉,"80,000"\n';
    const csv = new File([text], 'population.csv', { type: 'text/csv' });
    Object.defineProperty(csv, 'arrayBuffer', { value: async () => new TextEncoder().encode(text).buffer });
    await user.upload(screen.getByLabelText(tb('briefing.population')), csv);
    const [sentence, cell] = PER_THOUSAND[language] ?? [];
    expect(await screen.findByText(sentence ?? '')).toBeInTheDocument();
    expect(rowsOf(screen.getByRole('table'))[1]?.[3]).toBe(cell);
  });

  it('leaves no English on the page', () => {
    const { unmount } = renderBriefing('en');
    const english = latinWords(screen.getByRole('dialog').textContent ?? '');
    unmount();
    renderBriefing(language);
    const page = latinWords(screen.getByRole('dialog').textContent ?? '');
    const left = [...english].filter((w) => page.has(w) && !SHARED_WITH_ENGLISH[language]?.includes(w));
    expect(left).toEqual([]);
    if (language === 'th') expect(keyPointsIn(language).join('\n')).not.toMatch(/[A-Za-z]/);
  });
});
