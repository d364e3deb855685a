import type { OfficeMessageKey } from './office-messages-zh.ts';
import { viImport } from './vi-import.ts';
import { viImportReport } from './vi-import-report.ts';
import { viSharedMap } from './vi-shared-map.ts';
import { viWorkshop } from './vi-workshop.ts';

/** Vietnamese strings of the tools loaded on demand, typed against zh-TW's (office-messages-zh.ts). */
export const viOfficeMessages: Record<OfficeMessageKey, string> = {
  ...viImport,
  ...viImportReport,
  ...viWorkshop,
  ...viSharedMap,
};
