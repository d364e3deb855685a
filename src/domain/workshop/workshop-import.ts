import type { Gazetteer } from '../geo/gazetteer.ts';
import { type ImportResult, importFile } from '../loading/import-file.ts';
import type { CategoryConfig, ServiceTagConfig } from '../model/categories.ts';

/**
 * Reads a workshop export (CSV or GeoJSON) back through the office's import chain (importFile), so positions,
 * categories, the formula guards and the workshop columns (工作坊異動, 工作坊日期, 工作坊記錄者) come back as written.
 */
export function readWorkshopFile(
  bytes: Uint8Array,
  file: string,
  context: {
    categories: readonly CategoryConfig[];
    serviceTags: readonly ServiceTagConfig[];
    gazetteer: Gazetteer;
  },
): ImportResult {
  return importFile(
    bytes,
    {
      ...context,
      defaults: { file, category: context.categories[0]?.id ?? '', source: file, visibility: 'public' },
    },
    {},
    {},
  );
}
