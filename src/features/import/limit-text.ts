import type { ImportFormat } from '../../domain/loading/import-format-list.ts';
import { IMPORT_LIMITS, type LimitRefusal } from '../../domain/loading/import-limits.ts';
import type { Language } from '../../domain/model/language.ts';
import type { MessageKey } from '../../i18n/messages-zh.ts';
import { formatNumber } from '../../i18n/translate.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Formats by the short names people know them by (the same in every language). */
const SHORT_NAMES: Record<ImportFormat, string> = {
  csv: 'CSV',
  geojson: 'GeoJSON',
  json: 'JSON',
  kml: 'KML',
  kmz: 'KMZ',
  xlsx: 'XLSX',
  ods: 'ODS',
  xls: 'XLS',
  hsds: 'HSDS',
};

/** Bytes in megabytes, one decimal when under 10 (2.5 MB, 50 MB, 300 MB). */
export function megabytes(language: Language, bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const rounded = mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb);
  return `${formatNumber(language, rounded)} MB`;
}

/**
 * Every import limit in one sentence, from the limits table: formats of the same size limit grouped
 * (CSV/GeoJSON/JSON 50 MB, KML 30 MB, …), then archives, sheets and nesting.
 */
export function limitsSummary(t: Translate, language: Language): string {
  const groups = new Map<number, string[]>();
  for (const [format, bytes] of Object.entries(IMPORT_LIMITS.fileBytes)) {
    groups.set(bytes, [...(groups.get(bytes) ?? []), SHORT_NAMES[format as ImportFormat]]);
  }
  const sizes = [...groups]
    .map(([bytes, names]) => `${names.join('/')} ${megabytes(language, bytes)}`)
    .join(t('import.limitsSeparator'));
  const n = (value: number) => formatNumber(language, value);
  return t('import.limits', {
    sizes,
    inflated: megabytes(language, IMPORT_LIMITS.zip.inflatedBytes),
    entries: n(IMPORT_LIMITS.zip.entries),
    rows: n(IMPORT_LIMITS.sheet.rows),
    columns: n(IMPORT_LIMITS.sheet.columns),
    cells: n(IMPORT_LIMITS.sheet.cells),
    depth: n(IMPORT_LIMITS.nestingDepth),
  });
}

/** What a refused file broke, in words: the limit named, with the file's own figure where there is one. */
export function refusalText(refusal: LimitRefusal, t: Translate, language: Language): string {
  const n = (value: number) => formatNumber(language, value);
  const mb = (bytes: number) => megabytes(language, bytes);
  const words = (() => {
    switch (refusal.kind) {
      case 'file-size':
        return refusal.format
          ? t('import.limit.fileSize', {
              size: mb(refusal.found),
              format: SHORT_NAMES[refusal.format],
              limit: mb(refusal.limit),
            })
          : t('import.limit.fileSizeAny', { size: mb(refusal.found), limit: mb(refusal.limit) });
      case 'zip-inflated':
        return t('import.limit.zipInflated', { limit: mb(refusal.limit) });
      case 'zip-entries':
        return t('import.limit.zipEntries', { found: n(refusal.found), limit: n(refusal.limit) });
      case 'sheet-range':
        return t('import.limit.sheetRange', {
          sheet: refusal.sheet,
          rows: n(refusal.rows),
          columns: n(refusal.columns),
          limitRows: n(refusal.limitRows),
          limitColumns: n(refusal.limitColumns),
          limitCells: n(refusal.limitCells),
        });
      case 'nesting-depth':
        return t('import.limit.nestingDepth', {
          format: refusal.format === 'kml' ? 'KML' : 'JSON/GeoJSON',
          limit: n(refusal.limit),
        });
    }
  })();
  // The sentence's end and the next one's start are the language's (。 in Chinese, '. ' in English).
  return `${words}${t('import.limit.nothingImported')}`;
}
