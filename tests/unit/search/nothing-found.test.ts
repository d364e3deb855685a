import { describe, expect, it } from 'vitest';
import { PLACE_NAMES_EN } from '../../../src/domain/geo/place-names-en.ts';
import { toLatLng } from '../../../src/domain/model/coordinates.ts';
import { filterResources, NO_FILTERS } from '../../../src/domain/query/filter-resources.ts';
import { nothingFoundHelp } from '../../../src/domain/search/nothing-found.ts';
import { dataset, reader } from './real-data.ts';

const helpFor = (query: string, reference: [number, number] | null = null) => {
  expect(filterResources(dataset, { ...NO_FILTERS, query }, undefined, reader).visible).toEqual([]);
  const help = nothingFoundHelp(dataset, reader.terms(query), reference ? toLatLng(...reference) : null);
  return {
    ...help,
    nearest: help.nearest.map((s) => ({ id: dataset.resources[s.index]?.id, km: s.metres / 1000 })),
  };
};

describe('nothingFoundHelp: what a search that found nothing still offers', () => {
  it('the nearest of the category the query named, from the place it named (no mental-health centre in 民雄)', () => {
    const help = helpFor('民雄心衛中心');
    expect(help.categoryIds).toEqual(['mental-health']);
    expect(help.from).toEqual({ kind: 'place', name: '民雄鄉', english: null });
    expect(help.nearest.map((s) => s.id)).toEqual(['chiayi-mh-center']);
    // 太保 is about 15 km from the middle of 民雄's records.
    expect(help.nearest[0]?.km).toBeGreaterThan(8);
    expect(help.nearest[0]?.km).toBeLessThan(25);
  });

  it('nearest first from the person’s point, ahead of a named place', () => {
    // At 金城鎮, Kinmen: the township offices of Kinmen, the nearest first.
    const help = helpFor('民雄 公所', [24.4322, 118.3171]);
    expect(help.from).toEqual({ kind: 'reference' });
    expect(help.nearest[0]?.id).toBe('kinmen-office-jincheng');
    expect(help.nearest.map((s) => s.km)).toEqual([...help.nearest.map((s) => s.km)].sort((a, b) => a - b));
  });

  it('a service the query named counts too: no lunch-box shop on 烈嶼, but two that serve meals', () => {
    const help = helpFor('烈嶼 便當 供餐');
    expect(help.serviceIds).toEqual(['meals']);
    expect(help.from).toEqual({ kind: 'place', name: '烈嶼鄉', english: null });
    expect(
      help.nearest
        .slice(0, 2)
        .map((s) => s.id)
        .sort(),
    ).toEqual(['sample-shop-045', 'sample-shop-046']);
  });

  it('names the place in English too, from the Ministry’s table', () => {
    const help = nothingFoundHelp(dataset, reader.terms('民雄心衛中心'), null, PLACE_NAMES_EN);
    expect(help.from).toEqual({ kind: 'place', name: '民雄鄉', english: 'Minxiong Township' });
  });

  it('a place with no records: the resources of the category in display order, no distance', () => {
    const help = helpFor('台北巿社福中心');
    expect(help.categoryIds).toEqual(['welfare-center']);
    expect(help.from).toBeNull();
    expect(help.nearest).toHaveLength(3);
    expect(help.nearest.every((s) => Number.isNaN(s.km))).toBe(true);
  });

  it('a query that names no category or service offers no resources (the hotlines and clearing remain)', () => {
    const help = helpFor('xyzzy');
    expect(help.categoryIds).toEqual([]);
    expect(help.serviceIds).toEqual([]);
    expect(help.nearest).toEqual([]);
  });
});
