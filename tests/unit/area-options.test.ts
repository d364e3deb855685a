import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/domain/model/resource.ts';
import { areaOptionsOf } from '../../src/domain/query/area-options.ts';
import { buildDataset } from '../../src/domain/query/dataset.ts';
import { manifest } from './load-context.ts';

const at = (county: string, town: string, name = `${county}${town}`) =>
  ({
    id: name,
    name,
    county,
    town,
    category: 'friendly-shop',
    services: [],
    source: '測試資料',
    extra: {},
  }) as unknown as Resource;

const optionsFor = (resources: Resource[]) =>
  areaOptionsOf(
    buildDataset(resources, { categories: manifest.categories, serviceTags: manifest.serviceTags }).columns,
  );

describe('areaOptionsOf', () => {
  it.each([
    ['nothing', [], []],
    [
      'counties in stroke order, each with its towns once, in stroke order',
      [at('金門縣', '金湖鎮'), at('嘉義縣', '民雄鄉'), at('嘉義縣', '太保市'), at('嘉義縣', '民雄鄉', 'b')],
      [
        { county: '金門縣', towns: ['金湖鎮'] },
        { county: '嘉義縣', towns: ['太保市', '民雄鄉'] },
      ],
    ],
    [
      'a record without a county is left out',
      [at('', '東區'), at('臺南市', '東區')],
      [{ county: '臺南市', towns: ['東區'] }],
    ],
    ['a county whose records name no town', [at('嘉義縣', '')], [{ county: '嘉義縣', towns: [] }]],
    [
      'the same town name in two counties stays with each',
      [at('臺南市', '東區'), at('新竹市', '東區')],
      [
        { county: '臺南市', towns: ['東區'] },
        { county: '新竹市', towns: ['東區'] },
      ],
    ],
  ])('%s', (_, resources, expected) => {
    const collator = new Intl.Collator('zh-Hant-TW');
    const sorted = [...expected].sort((a, b) => collator.compare(a.county, b.county));
    expect(optionsFor(resources)).toEqual(sorted);
  });
});
