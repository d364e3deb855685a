import type { Resource } from '../src/domain/model/resource.ts';

/** A community association in 民雄鄉 without a position: the record the shared-map tests write and read. */
export const minxiongRecord = (id: string, name: string, more: Partial<Resource> = {}): Resource => ({
  id,
  name,
  category: 'community-association',
  services: [],
  address: '嘉義縣民雄鄉',
  county: '嘉義縣',
  town: '民雄鄉',
  position: null,
  precision: 'missing',
  phones: [],
  source: 'test',
  visibility: 'public',
  extra: {},
  ...more,
});
