import { describe, expect, it } from 'vitest';
import { presentationTownships, stepTownship } from '../../src/domain/analysis/township-cycle.ts';
import { gazetteer } from './load-context.ts';

const places = presentationTownships(gazetteer, ['嘉義縣', '金門縣']);

describe('stepping through townships in a presentation', () => {
  it('lists the townships of the counties with data, in zipcode order', () => {
    // 金門縣 has six townships: 烏坵鄉 came with the Ministry boundaries.
    expect(places).toHaveLength(18 + 6);
    expect(places[0]).toEqual({ county: '嘉義縣', town: '番路鄉' });
    expect(places.at(-1)?.county).toBe('金門縣');
  });

  it.each([
    [{ county: '', town: '' }, 1, { county: '嘉義縣', town: '番路鄉' }],
    [{ county: '', town: '' }, -1, places.at(-1)],
    [
      { county: '金門縣', town: '' },
      1,
      { county: '金門縣', town: places.find((p) => p.county === '金門縣')?.town },
    ],
    [{ county: '嘉義縣', town: '番路鄉' }, 1, { county: '嘉義縣', town: '梅山鄉' }],
    [{ county: '嘉義縣', town: '梅山鄉' }, -1, { county: '嘉義縣', town: '番路鄉' }],
    [{ county: '嘉義縣', town: '番路鄉' }, -1, { county: '嘉義縣', town: '' }],
    [{ county: '台北市', town: '' }, 1, { county: '嘉義縣', town: '番路鄉' }],
  ] as const)('from %o, %i → %o', (current, direction, next) => {
    expect(stepTownship(places, current, direction)).toEqual(next);
  });

  it('past the last township comes back to its whole county', () => {
    const last = places.at(-1);
    expect(stepTownship(places, last ?? { county: '', town: '' }, 1)).toEqual({
      county: last?.county,
      town: '',
    });
  });

  it('has nowhere to go without townships', () => {
    expect(stepTownship([], { county: '', town: '' }, 1)).toBeNull();
  });
});
