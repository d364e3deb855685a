import { describe, expect, it } from 'vitest';
import { DEFAULT_BRIEFING_CONFIG, parseBriefingConfig } from '../../../src/domain/model/briefing-config.ts';
import { manifest } from '../load-context.ts';

const categories = new Set(manifest.categories.map((c) => c.id));
const services = new Set(manifest.serviceTags.map((t) => t.id));
const parse = (raw: unknown) => {
  const problems: string[] = [];
  return { config: parseBriefingConfig(raw, categories, services, problems), problems };
};

describe('the manifest briefing settings', () => {
  it('the app manifest sets three targets, 5 km and 1 km', () => {
    expect(manifest.briefing.villageRadiusMetres).toBe(5000);
    expect(manifest.briefing.shopRadiusMetres).toBe(1000);
    expect(manifest.briefing.targets.map((t) => t.kind)).toEqual([
      'share-with-service',
      'every-village',
      'every-township',
    ]);
  });

  it('without a briefing object, the defaults', () => {
    expect(parse(undefined)).toEqual({ config: DEFAULT_BRIEFING_CONFIG, problems: [] });
  });

  it.each([
    ['not an object', [], 'briefing must be an object'],
    [
      'unknown role category',
      { welfareCategory: 'nope' },
      'briefing.welfareCategory "nope" is not a category id',
    ],
    [
      'distance out of range',
      { villageRadiusKm: 0 },
      'briefing.villageRadiusKm must be a number of kilometres between 0 and 100',
    ],
    ['targets not a list', { targets: {} }, 'briefing.targets must be a list'],
    [
      'unknown kind',
      { targets: [{ kind: 'most', category: 'care-point' }] },
      'briefing.targets[0].kind must be share-with-service, every-village or every-township',
    ],
    ['missing category', { targets: [{ kind: 'every-village' }] }, 'briefing.targets[0].category is missing'],
    [
      'unknown service',
      { targets: [{ kind: 'share-with-service', category: 'care-point', service: 'x', percent: 20 }] },
      'briefing.targets[0].service "x" is not a service tag id',
    ],
    [
      'percent out of range',
      { targets: [{ kind: 'share-with-service', category: 'care-point', service: 'meals', percent: 120 }] },
      'briefing.targets[0].percent must be a number from 1 to 100',
    ],
  ] as const)('%s: a problem naming the path', (_, raw, problem) => {
    expect(parse(raw).problems).toContain(problem);
  });
});
