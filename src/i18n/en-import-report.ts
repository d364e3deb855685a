import type { zhImportReport } from './zh-import-report.ts';

/** English strings of the import's own findings (issue 17). */
export const enImportReport: Record<keyof typeof zhImportReport, string> = {
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
  'reportClass.rejected': 'Not imported',
  'reportClass.needs-location': 'Needs a location',
  'reportClass.approximate': 'Approximate',
  'reportClass.fixed': 'Changed, imported',
  'reportClass.noted': 'Imported, with a note',
  'reportClass.imported': 'Imported as written',
  'format.json': 'JSON (a list of objects)',
  'issue.binary-file':
    'This is not a text or spreadsheet file (e.g. an image or a shapefile’s .shx) and cannot be read; nothing was imported',
  'issue.boundaries-file':
    'This is a file of boundaries (polygons), for the coverage analysis, not a list of places; nothing was imported',
  'import.notAList.boundaries':
    'This file holds boundaries (polygons), not a list of places: it is for the coverage analysis.',
  'import.notAList.statistics':
    'This file looks like a statistics table (numbers per area), not a list of places: with no name column, no row would be imported. If it is a list, choose a column for the name.',
  'import.toCoverage': 'Use for the coverage analysis',
  'importReport.fileChanges': 'Applied to the whole file',
  'importReport.encoding': 'Text encoding: {encoding} (converted to Unicode)',
  'importReport.filterLabel': 'Filter by outcome',
  'importReport.filterAll': 'All',
  'importReport.chip': '{outcome} ({count})',
  'importReport.page': 'Rows {from}–{to} of {count}',
  'importReport.previous': 'Previous page',
  'importReport.next': 'Next page',
  'importReport.none': 'No rows with this outcome.',
  'import.countyGuess': 'The addresses in this file name no county; it looks like {county}.',
  'import.countyGuessConfirm': 'Yes, it is {county}',
  'import.allRejected':
    'With these columns, no row would be imported: {reason}. Choose a column for the name to start the import.',
  'import.allRowsRejected':
    'Every row was rejected (e.g. no name), so nothing was saved. Choose a name column next time.',
  'import.nameProposed':
    'No column is headed as a name; the values of “{column}” look like organisation names, so it is chosen for now.',
};
