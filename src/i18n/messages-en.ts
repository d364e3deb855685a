import { enCore } from './en-core.ts';
import { enDataLink } from './en-data-link.ts';
import { enImport } from './en-import.ts';
import { enImportReport } from './en-import-report.ts';
import { enNearby } from './en-nearby.ts';
import { enResident } from './en-resident.ts';
import { enSafety } from './en-safety.ts';
import { enSearch } from './en-search.ts';
import { enSharedMap } from './en-shared-map.ts';
import { enWorkshop } from './en-workshop.ts';
import type { MessageKey } from './messages-zh.ts';

/** English, second language. Typed against the zh-TW catalogue, so a missing key fails the type check. */
export const enMessages: Record<MessageKey, string> = {
  ...enCore,
  ...enNearby,
  ...enImport,
  ...enImportReport,
  ...enWorkshop,
  ...enSharedMap,
  ...enResident,
  ...enSearch,
  ...enSafety,
  ...enDataLink,
};
