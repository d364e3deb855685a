/** The file kinds the importer reads. */
export const IMPORT_FORMATS = ['csv', 'geojson', 'json', 'kml', 'kmz', 'xlsx', 'ods', 'xls', 'hsds'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Formats that are binary containers (read before any text decoding). */
export type BinaryFormat = Exclude<ImportFormat, 'csv' | 'geojson' | 'json' | 'kml'>;
