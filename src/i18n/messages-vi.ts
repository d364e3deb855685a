import type { MessageKey } from './messages-zh.ts';
import { viCore } from './vi-core.ts';
import { viDataLink } from './vi-data-link.ts';
import { viNearby } from './vi-nearby.ts';
import { viResident } from './vi-resident.ts';
import { viSafety } from './vi-safety.ts';
import { viSearch } from './vi-search.ts';
import { viTools } from './vi-tools.ts';

/** Vietnamese: typed against the zh-TW catalogue, so a missing key fails the type check. Loaded only when chosen. */
export const viMessages: Record<MessageKey, string> = {
  ...viCore,
  ...viNearby,
  ...viTools,
  ...viResident,
  ...viSearch,
  ...viSafety,
  ...viDataLink,
};
