import { zhCore } from './zh-core.ts';
import { zhImport } from './zh-import.ts';
import { zhNearby } from './zh-nearby.ts';
import { zhSafety } from './zh-safety.ts';
import { zhSharedMap } from './zh-shared-map.ts';
import { zhWorkshop } from './zh-workshop.ts';

/** zh-TW, the default language; its keys are the catalogue every other language must match. */
export const zhMessages = { ...zhCore, ...zhNearby, ...zhImport, ...zhWorkshop, ...zhSharedMap, ...zhSafety };

export type MessageKey = keyof typeof zhMessages;
