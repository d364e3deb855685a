import { zhImport } from './zh-import.ts';
import { zhImportReport } from './zh-import-report.ts';
import { zhSharedMap } from './zh-shared-map.ts';
import { zhWorkshop } from './zh-workshop.ts';

/**
 * zh-TW strings of the tools loaded on demand — the office workspace, imports and their reports, the workshop and
 * the analysis panel, the shared map, and the dialogs (export, print, help) — in a chunk of their own, loaded with
 * those tools (`loadOfficeCatalogue`): a resident's first screen carries none of it.
 */
export const zhOfficeMessages = {
  ...zhImport,
  ...zhImportReport,
  ...zhWorkshop,
  ...zhSharedMap,
};

/** A key of the tools' catalogue: what `useOfficeTranslation().t` takes besides the first screen's keys. */
export type OfficeMessageKey = keyof typeof zhOfficeMessages;
