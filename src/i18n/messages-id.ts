import { idCore } from './id-core.ts';
import { idDataLink } from './id-data-link.ts';
import { idNearby } from './id-nearby.ts';
import { idResident } from './id-resident.ts';
import { idSafety } from './id-safety.ts';
import { idSearch } from './id-search.ts';
import { idTools } from './id-tools.ts';
import type { MessageKey } from './messages-zh.ts';

/** Indonesian: typed against the zh-TW catalogue, so a missing key fails the type check. Loaded only when chosen. */
export const idMessages: Record<MessageKey, string> = {
  ...idCore,
  ...idNearby,
  ...idTools,
  ...idResident,
  ...idSearch,
  ...idSafety,
  ...idDataLink,
};
