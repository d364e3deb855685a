import type { MessageKey } from './messages-zh.ts';
import { viCore } from './vi-core.ts';
import { viDataLink } from './vi-data-link.ts';
import { viImport } from './vi-import.ts';
import { viImportReport } from './vi-import-report.ts';
import { viNearby } from './vi-nearby.ts';
import { viResident } from './vi-resident.ts';
import { viSafety } from './vi-safety.ts';
import { viSearch } from './vi-search.ts';
import { viSharedMap } from './vi-shared-map.ts';
import { viWorkshop } from './vi-workshop.ts';

/** Vietnamese: typed against the zh-TW catalogue, so a missing key fails the type check. Loaded only when chosen. */
export const viMessages: Record<MessageKey, string> = {
  ...viCore,
  ...viNearby,
  ...viImport,
  ...viImportReport,
  ...viWorkshop,
  ...viSharedMap,
  ...viResident,
  ...viSearch,
  ...viSafety,
  ...viDataLink,
};
