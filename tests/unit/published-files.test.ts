import { describe, expect, it } from 'vitest';
import { listedFiles } from '../../src/build/published-files.ts';

describe('listedFiles: what a manifest asks the build to publish', () => {
  it.each([
    {
      what: 'the gazetteer, the village centroids and every file',
      manifest: {
        gazetteer: 'tw-township-centroids.csv',
        villages: 'tw-village-centroids.csv',
        files: [{ path: 'a.csv' }, { path: 'b.geojson' }],
      },
      listed: ['tw-township-centroids.csv', 'tw-village-centroids.csv', 'a.csv', 'b.geojson'],
    },
    {
      what: 'no villages member: nothing invented',
      manifest: { gazetteer: 'g.csv', files: [{ path: 'a.csv' }] },
      listed: ['g.csv', 'a.csv'],
    },
    {
      what: 'members that are not paths are left out',
      manifest: { gazetteer: 3, villages: null, files: [{ path: 'a.csv' }, {}, null] },
      listed: ['a.csv'],
    },
    { what: 'not a manifest at all', manifest: 'nonsense', listed: [] },
  ])('$what', ({ manifest, listed }) => {
    expect(listedFiles(manifest)).toEqual(listed);
  });
});
