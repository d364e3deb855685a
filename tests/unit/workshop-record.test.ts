import { describe, expect, it } from 'vitest';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import {
  createWorkshopResource,
  draftForPlace,
  draftFromResource,
  draftProblems,
  editWorkshopResource,
  moveWorkshopResource,
  nearestTownship,
  parseChangeWord,
  WORKSHOP_COLUMNS,
  type WorkshopDraft,
  workshopMark,
} from '../../src/domain/workshop/workshop-record.ts';
import { gazetteer } from './load-context.ts';

const MINXIONG_POINT = toLatLng(23.556, 120.44);
const stamp = { date: '2026-03-12', facilitator: '王小明' };
const draft = (over: Partial<WorkshopDraft> = {}): WorkshopDraft => ({
  name: '阿美早餐店',
  category: 'friendly-shop',
  services: ['meals'],
  address: '嘉義縣民雄鄉',
  phone: '05-2201234；0912-345678',
  note: '早上 6 點開門',
  startYear: '',
  ...over,
});

describe('nearestTownship', () => {
  it.each([
    [23.556, 120.44, '嘉義縣', '民雄鄉'],
    [23.4272, 120.6075, '嘉義縣', '番路鄉'],
    [24.4326, 118.318, '金門縣', '金城鎮'],
    [25.0324, 121.5199, '臺北市', '中正區'],
    // Nearer to 鹿草鄉 on the ground, though nearer to 後壁區 in raw degrees: longitude is scaled by cos(latitude).
    [23.4, 120.345, '嘉義縣', '鹿草鄉'],
  ])('(%f, %f) is nearest to %s%s', (lat, lng, county, town) => {
    expect(nearestTownship(gazetteer.townships, toLatLng(lat, lng))).toMatchObject({ county, town });
  });

  it('is undefined without townships', () => {
    expect(nearestTownship([], MINXIONG_POINT)).toBeUndefined();
  });
});

describe('draftForPlace and draftProblems', () => {
  it('starts the address with the clicked township', () => {
    const township = nearestTownship(gazetteer.townships, MINXIONG_POINT);
    expect(draftForPlace(township, 'friendly-shop')).toMatchObject({
      address: '嘉義縣民雄鄉',
      category: 'friendly-shop',
    });
    expect(draftForPlace(undefined, 'x').address).toBe('');
  });

  it.each([
    [{}, []],
    [{ name: '  ' }, ['name-required']],
    [{ category: '' }, ['category-required']],
    [{ startYear: '2021' }, []],
    [{ startYear: '110' }, []],
    [{ startYear: '２０２１' }, []],
    [{ startYear: '去年' }, ['start-year-invalid']],
    [{ name: '', startYear: '12345' }, ['name-required', 'start-year-invalid']],
  ] as const)('%o → %o', (over, problems) => {
    expect(draftProblems(draft(over))).toEqual(problems);
  });
});

describe('createWorkshopResource', () => {
  const created = createWorkshopResource(draft({ startYear: '110' }), MINXIONG_POINT, {
    id: 'ws-1',
    gazetteer,
    stamp,
  });

  it('is an exact, public record at the clicked point, placed in the township its address names', () => {
    expect(created).toMatchObject({
      id: 'ws-1',
      name: '阿美早餐店',
      category: 'friendly-shop',
      services: ['meals'],
      county: '嘉義縣',
      town: '民雄鄉',
      position: MINXIONG_POINT,
      precision: 'exact',
      visibility: 'public',
      phones: ['05-2201234', '0912-345678'],
      description: '早上 6 點開門',
      lastVerified: '2026-03-12',
    });
  });

  it('is marked as a workshop addition with date and facilitator, in extra columns and its source', () => {
    expect(workshopMark(created)).toEqual({ change: 'added', date: '2026-03-12', facilitator: '王小明' });
    expect(created.extra[WORKSHOP_COLUMNS.change]).toBe('新增');
    expect(created.extra.設立年度).toBe('110');
    expect(created.source).toBe('工作坊新增（2026-03-12，王小明）');
  });

  it('takes the nearest township when the address names none, and leaves the facilitator out when blank', () => {
    const plain = createWorkshopResource(draft({ address: '廟口對面' }), MINXIONG_POINT, {
      id: 'ws-2',
      gazetteer,
      stamp: { date: '2026-03-12', facilitator: ' ' },
    });
    expect(plain).toMatchObject({ county: '嘉義縣', town: '民雄鄉' });
    expect(WORKSHOP_COLUMNS.facilitator in plain.extra).toBe(false);
    expect(plain.source).toBe('工作坊新增（2026-03-12）');
  });

  it('follows an address in another township', () => {
    const r = createWorkshopResource(draft({ address: '嘉義縣大林鎮中正路 1 號' }), MINXIONG_POINT, {
      id: 'ws-3',
      gazetteer,
      stamp,
    });
    expect(r).toMatchObject({ county: '嘉義縣', town: '大林鎮' });
  });
});

describe('editing and moving', () => {
  const source: Resource = {
    id: 'chiayi-wc-minxiong',
    name: '嘉義縣日安社會福利服務中心（民雄）',
    category: 'welfare-center',
    services: ['home-visits'],
    address: '嘉義縣民雄鄉江厝店29之4號',
    county: '嘉義縣',
    town: '民雄鄉',
    position: toLatLng(23.54266, 120.44425),
    precision: 'approximate-town',
    phones: ['(05)220-7017 分機17'],
    description: '舊說明',
    source: '嘉義縣政府',
    visibility: 'public',
    extra: { 備考: '保留' },
  };

  it('an edited source record is stamped 修改, keeps what the form does not touch, drops a cleared note', () => {
    const edited = editWorkshopResource(
      source,
      { ...draftFromResource(source), note: '', phone: '05-2207017' },
      {
        gazetteer,
        stamp,
      },
    );
    expect(workshopMark(edited)?.change).toBe('edited');
    expect(edited).toMatchObject({ id: source.id, precision: 'approximate-town', source: '嘉義縣政府' });
    expect(edited.description).toBeUndefined();
    expect(edited.phones).toEqual(['05-2207017']);
    expect(edited.extra.備考).toBe('保留');
  });

  it('an edited workshop addition stays an addition', () => {
    const added = createWorkshopResource(draft(), MINXIONG_POINT, { id: 'ws-1', gazetteer, stamp });
    const edited = editWorkshopResource(
      added,
      { ...draftFromResource(added), name: '阿美早餐' },
      { gazetteer, stamp },
    );
    expect(workshopMark(edited)?.change).toBe('added');
    expect(edited.name).toBe('阿美早餐');
  });

  it('a moved record becomes exact at the new point; its address keeps the township', () => {
    const moved = moveWorkshopResource(source, toLatLng(23.55, 120.45), { gazetteer, stamp });
    expect(moved).toMatchObject({ precision: 'exact', town: '民雄鄉', position: [23.55, 120.45] });
    expect(workshopMark(moved)?.change).toBe('edited');
  });

  it('a moved record without a township in its address takes the one it was dropped in', () => {
    const vague = { ...source, address: '廟口', town: '' };
    expect(moveWorkshopResource(vague, toLatLng(23.4272, 120.6075), { gazetteer, stamp }).town).toBe(
      '番路鄉',
    );
  });
});

describe('parseChangeWord', () => {
  it.each([
    ['新增', 'added'],
    ['修改', 'edited'],
    ['刪除', 'deleted'],
    [' added ', 'added'],
    ['', undefined],
    ['其他', undefined],
    [undefined, undefined],
  ])('%s → %s', (word, change) => expect(parseChangeWord(word)).toBe(change));
});
