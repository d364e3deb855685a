import type { MessageKey } from './messages-zh.ts';
import { thCore } from './th-core.ts';
import { thDataLink } from './th-data-link.ts';
import { thNearby } from './th-nearby.ts';
import { thResident } from './th-resident.ts';
import { thSafety } from './th-safety.ts';
import { thSearch } from './th-search.ts';
import { thTools } from './th-tools.ts';

/** Thai: typed against the zh-TW catalogue, so a missing key fails the type check. Loaded only when chosen. */
export const thMessages: Record<MessageKey, string> = {
  ...thCore,
  ...thNearby,
  ...thTools,
  ...thResident,
  ...thSearch,
  ...thSafety,
  ...thDataLink,
};
