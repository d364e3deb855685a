import type { zhTools } from './zh-tools.ts';

/** English strings of the tools every visitor sees on the first screen (the header's buttons, the import entry, export and print, the year slider, the QR code and the projector's legend), and the issue codes the load report names. */
export const enTools: Record<keyof typeof zhTools, string> = {
  'issue.projected-coordinates':
    'Coordinates were TM2 metres and have been converted to latitude/longitude (WGS84)',
  'issue.former-place-name':
    'A county or township name from before the 2010/2014 mergers was changed to today’s (e.g. 臺北縣板橋市 → 新北市板橋區)',
  'import.heading': 'Import data',
  'import.hint':
    'Import CSV/TSV, Excel (XLSX), ODS, GeoJSON, KML/KMZ (Google My Maps) or an HSDS package; pick several files at once, or drop them onto the page.',
  'import.pick': 'Choose files to import',
  'import.pickerLabel': 'Files to import',
  'import.replacePickerLabel': 'File to replace it with',
  'import.dropHere': 'Drop to import the files',
  'import.failed': 'Could not import “{file}”: {reason}',
  'import.urlNotHttp': 'The link must start with http:// or https://',
  'import.limits':
    'Limits: {sizes}; archives (XLSX, ODS, KMZ, HSDS) {inflated} unzipped in all (a KMZ: the KML limit) and {entries} files at most; each sheet at most {rows} rows, {columns} columns, {cells} cells in all; nesting at most {depth} levels.',
  'import.limitsSeparator': ', ',
  'import.limit.fileSize': 'the file is {size}, over the {format} limit of {limit}',
  'import.limit.fileSizeAny': 'the file is {size}, over the largest file any format accepts ({limit})',
  'import.limit.zipInflated': 'unzipped, it would exceed the limit of {limit}; unzipping was stopped',
  'import.limit.zipEntries': 'the archive holds {found} files, over the limit of {limit}',
  'import.limit.sheetRange':
    'sheet “{sheet}” spans {rows} rows × {columns} columns, over the limit ({limitRows} rows, {limitColumns} columns, {limitCells} cells in all)',
  'import.limit.nestingDepth': 'the {format} is nested deeper than the limit of {limit} levels',
  'import.limit.nothingImported': '. Nothing was imported.',
  'import.close': 'Close',
  'export.open': 'Export list ({count})',
  'print.open': 'Print view',
  'issue.address-phone-split': 'The address cell held a phone number too: it was moved to the phone field',
  'issue.place-from-position':
    'The address names no county or township: taken from the position (Ministry of the Interior boundaries)',
  'issue.place-disagrees':
    'The county or township of the address differs from where the position lies (Ministry of the Interior boundaries)',
  'issue.county-inferred':
    'The addresses name no county; their districts that exist in one county only point to',
  'issue.county-from-file':
    'This district name exists in several counties: the county the rest of the file points to was taken',
  'issue.projected-file':
    'Every coordinate in the file was TM2 metres and has been converted to latitude/longitude (WGS84)',
  'issue.binary-file':
    'This is not a text or spreadsheet file (e.g. an image or a shapefile’s .shx) and cannot be read; nothing was imported',
  'issue.boundaries-file':
    'This is a file of boundaries (polygons), for the coverage analysis, not a list of places; nothing was imported',
  'import.allRowsRejected':
    'Every row was rejected (e.g. no name), so nothing was saved. Choose a name column next time.',
  'presentation.enter': 'Presentation mode',
  'presentation.exit': 'Exit presentation',
  'legend.title': 'Legend',
  'legend.allAreas': 'All areas',
  'legend.asOfYear': 'as of {year}',
  'legend.total': '{count} places',
  'legend.hidden': '(hidden)',
  'legend.helpHint': 'Press ? for keyboard shortcuts',
  'qr.show': 'Show QR code',
  'qr.title': 'Scan to open this view on your phone',
  'qr.instructions':
    'Scan the QR code or type the address below to see the same filters, township and map area on your phone.',
  'qr.imageLabel': 'QR code of the current view',
  'overlay.close': 'Close',
  'help.button': 'Shortcuts ?',
  'year.legend': 'Start year',
  'year.enable': 'Show by start year',
  'year.asOf': 'Show as of',
  'year.value': '{year}',
  'year.withoutYear': '{count} records do not say when they started and are not shown.',
  'snapshot.save': 'Save image (PNG)',
  'snapshot.busy': 'Making the image…',
  'snapshot.failed': 'The image could not be made. Please try again.',
  'snapshot.fileName': 'community-resource-map',
  'snapshot.footer': 'Community Resource Map · made {date}',
  'snapshot.search': 'search “{query}”',
  'workshop.toggle': 'Co-mapping',
  'analysis.toggle': 'Resource inventory',
};
