import type { Resource } from './resource.ts';

/** The source text that marks demo records; the manifest's sample files use it. */
export const SAMPLE_SOURCE_MARK = '示範資料';

/** Whether a record is demo data (示範資料), judged by its source field so the mark survives export. */
export function isSampleRecord(resource: Pick<Resource, 'source'>): boolean {
  return resource.source.includes(SAMPLE_SOURCE_MARK);
}
