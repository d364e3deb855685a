import type { zhImportReport } from './zh-import-report.ts';

/** English strings of the import's own findings (issue 17). */
export const enImportReport: Record<keyof typeof zhImportReport, string> = {
  'reportClass.rejected': 'Not imported',
  'reportClass.needs-location': 'Needs a location',
  'reportClass.approximate': 'Approximate',
  'reportClass.fixed': 'Changed, imported',
  'reportClass.noted': 'Imported, with a note',
  'reportClass.imported': 'Imported as written',
  'format.json': 'JSON (a list of objects)',
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
  'import.nameProposed':
    'No column is headed as a name; the values of “{column}” look like organisation names, so it is chosen for now.',
};
