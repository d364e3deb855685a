import { idCore } from './id-core.ts';
import { idDataLink } from './id-data-link.ts';
import { idImport } from './id-import.ts';
import { idImportReport } from './id-import-report.ts';
import { idNearby } from './id-nearby.ts';
import { idResident } from './id-resident.ts';
import { idSafety } from './id-safety.ts';
import { idSearch } from './id-search.ts';
import { idSharedMap } from './id-shared-map.ts';
import { idWorkshop } from './id-workshop.ts';
import type { MessageKey } from './messages-zh.ts';

/** Indonesian: typed against the zh-TW catalogue, so a missing key fails the type check. Loaded only when chosen. */
export const idMessages: Record<MessageKey, string> = {
  ...idCore,
  ...idNearby,
  ...idImport,
  ...idImportReport,
  ...idWorkshop,
  ...idSharedMap,
  ...idResident,
  ...idSearch,
  ...idSafety,
  ...idDataLink,
};
