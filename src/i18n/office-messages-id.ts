import { idImport } from './id-import.ts';
import { idImportReport } from './id-import-report.ts';
import { idSharedMap } from './id-shared-map.ts';
import { idWorkshop } from './id-workshop.ts';
import type { OfficeMessageKey } from './office-messages-zh.ts';

/** Indonesian strings of the tools loaded on demand, typed against zh-TW's (office-messages-zh.ts). */
export const idOfficeMessages: Record<OfficeMessageKey, string> = {
  ...idImport,
  ...idImportReport,
  ...idWorkshop,
  ...idSharedMap,
};
