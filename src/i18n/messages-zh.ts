import { zhCore } from './zh-core.ts';
import { zhDataLink } from './zh-data-link.ts';
import { zhNearby } from './zh-nearby.ts';
import { zhResident } from './zh-resident.ts';
import { zhSafety } from './zh-safety.ts';
import { zhSearch } from './zh-search.ts';
import { zhTools } from './zh-tools.ts';

/** zh-TW, the default language: the first screen's catalogue, whose keys every other language must match. The office's
 * tools have a catalogue of their own (office-messages-zh.ts), loaded with them. */
export const zhMessages = {
  ...zhCore,
  ...zhNearby,
  ...zhTools,
  ...zhResident,
  ...zhSearch,
  ...zhSafety,
  ...zhDataLink,
};

/** A key of the first screen's catalogue: what `useTranslation().t` takes. */
export type MessageKey = keyof typeof zhMessages;
