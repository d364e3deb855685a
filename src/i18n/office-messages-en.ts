import { enImport } from './en-import.ts';
import { enImportReport } from './en-import-report.ts';
import { enSharedMap } from './en-shared-map.ts';
import { enWorkshop } from './en-workshop.ts';
import type { OfficeMessageKey } from './office-messages-zh.ts';

/** English strings of the tools loaded on demand, typed against zh-TW's (office-messages-zh.ts). */
export const enOfficeMessages: Record<OfficeMessageKey, string> = {
  ...enImport,
  ...enImportReport,
  ...enWorkshop,
  ...enSharedMap,
};
