import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { workshopRows } from '../../src/domain/workshop/workshop-doc.ts';
import {
  deleteWorkshopRecord,
  mergeWorkshopFile,
  writeWorkshopRecord,
} from '../../src/domain/workshop/workshop-document.ts';
import { workshopToCsv, workshopToGeoJson } from '../../src/domain/workshop/workshop-export.ts';
import { readWorkshopFile } from '../../src/domain/workshop/workshop-import.ts';
import {
  createWorkshopResource,
  WORKSHOP_COLUMNS,
  workshopMark,
} from '../../src/domain/workshop/workshop-record.ts';
import { gazetteer, manifest } from './load-context.ts';
import { facilitator, workshopThrough } from './workshop-document-helpers.ts';

const vocabulary = { categories: manifest.categories, serviceTags: manifest.serviceTags };
const context = { ...vocabulary, gazetteer };
const stamp = { date: '2026-03-12', facilitator: '王小明' };

const added = createWorkshopResource(
  {
    name: '阿美早餐店, "老街"',
    category: 'friendly-shop',
    services: ['meals', 'child-safe-waiting'],
    address: '嘉義縣民雄鄉中正路 1 號',
    phone: '05-2201234；0912-345678',
    note: '第一行\n第二行',
    startYear: '2021',
  },
  toLatLng(23.556123, 120.440456),
  { id: 'ws-abc', gazetteer, stamp },
);
const sourceRecord: Resource = {
  id: 'chiayi-wc-minxiong',
  name: '嘉義縣日安社會福利服務中心（民雄）',
  category: 'welfare-center',
  services: ['home-visits', 'referral'],
  address: '嘉義縣民雄鄉江厝店29之4號',
  county: '嘉義縣',
  town: '民雄鄉',
  position: toLatLng(23.54266, 120.44425),
  precision: 'approximate-town',
  phones: ['(05)220-7017 分機17'],
  source: '嘉義縣政府強化社會安全網策略（112年3月）',
  visibility: 'public',
  extra: {},
};

function roundTrip(text: string, file: string) {
  const loaded = readWorkshopFile(new TextEncoder().encode(text), file, context);
  const { workshop } = workshopThrough((doc) => mergeWorkshopFile(doc, loaded.resources, facilitator()));
  return { loaded, doc: workshop };
}

describe('workshop export → re-import through the loading chain', () => {
  const { workshop: doc } = workshopThrough((ydoc) => {
    writeWorkshopRecord(ydoc, added, 'added', facilitator());
    writeWorkshopRecord(
      ydoc,
      {
        ...sourceRecord,
        description: '週末休息',
        extra: { [WORKSHOP_COLUMNS.change]: '修改', [WORKSHOP_COLUMNS.date]: '2026-03-12' },
      },
      'edited',
      facilitator(),
    );
    deleteWorkshopRecord(ydoc, 'chiayi-wc-puzi', facilitator());
  });
  const puzi: Resource = {
    ...sourceRecord,
    id: 'chiayi-wc-puzi',
    name: '嘉義縣日安社會福利服務中心（朴子）',
    town: '朴子市',
    address: '嘉義縣朴子市山通路7號',
  };
  const rows = workshopRows(doc, (id) => (id === puzi.id ? puzi : undefined));

  it.each([
    ['CSV', 'workshop.csv', () => workshopToCsv(rows, vocabulary)],
    ['GeoJSON', 'workshop.geojson', () => workshopToGeoJson(rows, vocabulary)],
  ])('%s: additions, edits and deletions come back as they were', (_format, file, write) => {
    const { loaded, doc: back } = roundTrip(write(), file);
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(back.additions).toHaveLength(1);
    const a = back.additions[0] as Resource;
    expect(a).toMatchObject({
      id: 'ws-abc',
      name: '阿美早餐店, "老街"',
      category: 'friendly-shop',
      services: ['meals', 'child-safe-waiting'],
      county: '嘉義縣',
      town: '民雄鄉',
      precision: 'exact',
      phones: ['05-2201234', '0912-345678'],
      description: '第一行\n第二行',
      lastVerified: '2026-03-12',
      source: '工作坊新增（2026-03-12，王小明）',
    });
    expect(a.position?.[0]).toBeCloseTo(23.556123, 6);
    expect(a.position?.[1]).toBeCloseTo(120.440456, 6);
    expect(workshopMark(a)).toEqual({ change: 'added', date: '2026-03-12', facilitator: '王小明' });
    expect(a.extra.設立年度).toBe('2021');
    // A record placed at its township centre is written without coordinates, and comes back approximate.
    expect(back.edits['chiayi-wc-minxiong']).toMatchObject({
      precision: 'approximate-town',
      description: '週末休息',
      town: '民雄鄉',
    });
    expect(back.deletions).toEqual(['chiayi-wc-puzi']);
  });

  it('CSV: the change columns come first, labels are the office’s words', () => {
    const [header, first] = workshopToCsv(rows, vocabulary).split('\r\n');
    expect(header?.split(',').slice(0, 6)).toEqual([
      '"工作坊異動"',
      '"工作坊日期"',
      '"工作坊記錄者"',
      '"id"',
      '"名稱"',
      '"類別"',
    ]);
    expect(
      first?.startsWith(
        '"新增","2026-03-12","王小明","ws-abc","阿美早餐店, ""老街""","友善商店","餐食提供;兒少安全等候"',
      ),
    ).toBe(true);
  });

  it('CSV: a cell a spreadsheet would run is guarded with a quote mark, and comes back as typed', () => {
    const risky = { ...added, name: '=HYPERLINK("http://evil")', description: '@SUM(1)' };
    const csv = workshopToCsv([{ change: 'added', resource: risky }], vocabulary);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`"'@SUM(1)"`);
    const back = roundTrip(csv, 'risky.csv').doc.additions[0];
    expect(back).toMatchObject({ name: '=HYPERLINK("http://evil")', description: '@SUM(1)' });
  });

  it('GeoJSON: [lng, lat] points, and null geometry for a township-centre position', () => {
    const collection = JSON.parse(workshopToGeoJson(rows, vocabulary)) as {
      features: { geometry: { coordinates: number[] } | null; properties: Record<string, string> }[];
    };
    expect(collection.features[0]?.geometry?.coordinates).toEqual([120.440456, 23.556123]);
    expect(collection.features[1]?.geometry).toBeNull();
    expect(collection.features.map((f) => f.properties.工作坊異動)).toEqual(['新增', '修改', '刪除']);
  });

  it('any name, note and facilitator text survives the CSV round trip (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, (name, note, facilitator) => {
        fc.pre(
          name.trim() !== '' &&
            !/^\s|\s$/.test(name) &&
            !/^\s|\s$/.test(note) &&
            !/^\s|\s$/.test(facilitator),
        );
        const record = createWorkshopResource(
          { name, category: 'care-point', services: [], address: '', phone: '', note, startYear: '' },
          toLatLng(23.5, 120.4),
          { id: 'ws-p', gazetteer, stamp: { date: '2026-03-12', facilitator } },
        );
        const csv = workshopToCsv([{ change: 'added', resource: record }], vocabulary);
        const { doc: back } = roundTrip(csv, 'p.csv');
        const r = back.additions[0];
        expect(r?.name).toBe(record.name);
        expect(r?.description ?? '').toBe(record.description ?? '');
        expect(workshopMark(r as Resource)?.facilitator ?? '').toBe(facilitator.trim());
      }),
      { numRuns: 150 },
    );
  });
});
