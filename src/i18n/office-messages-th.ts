import type { OfficeMessageKey } from './office-messages-zh.ts';
import { thImport } from './th-import.ts';
import { thImportReport } from './th-import-report.ts';
import { thSharedMap } from './th-shared-map.ts';
import { thWorkshop } from './th-workshop.ts';

/** Thai strings of the tools loaded on demand, typed against zh-TW's (office-messages-zh.ts). */
export const thOfficeMessages: Record<OfficeMessageKey, string> = {
  ...thImport,
  ...thImportReport,
  ...thWorkshop,
  ...thSharedMap,
};
