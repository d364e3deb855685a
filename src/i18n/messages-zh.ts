import { zhCore } from './zh-core.ts';
import { zhDataLink } from './zh-data-link.ts';
import { zhImport } from './zh-import.ts';
import { zhImportReport } from './zh-import-report.ts';
import { zhNearby } from './zh-nearby.ts';
import { zhResident } from './zh-resident.ts';
import { zhSafety } from './zh-safety.ts';
import { zhSearch } from './zh-search.ts';
import { zhSharedMap } from './zh-shared-map.ts';
import { zhWorkshop } from './zh-workshop.ts';

/** zh-TW, the default language; its keys are the catalogue every other language must match. */
export const zhMessages = {
  ...zhCore,
  ...zhNearby,
  ...zhImport,
  ...zhImportReport,
  ...zhWorkshop,
  ...zhSharedMap,
  ...zhResident,
  ...zhSearch,
  ...zhSafety,
  ...zhDataLink,
};

export type MessageKey = keyof typeof zhMessages;
