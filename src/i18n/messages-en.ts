import { enCore } from './en-core.ts';
import { enDataLink } from './en-data-link.ts';
import { enNearby } from './en-nearby.ts';
import { enResident } from './en-resident.ts';
import { enSafety } from './en-safety.ts';
import { enSearch } from './en-search.ts';
import { enTools } from './en-tools.ts';
import type { MessageKey } from './messages-zh.ts';

/** English, second language. Typed against the zh-TW catalogue, so a missing key fails the type check. */
export const enMessages: Record<MessageKey, string> = {
  ...enCore,
  ...enNearby,
  ...enTools,
  ...enResident,
  ...enSearch,
  ...enSafety,
  ...enDataLink,
};
