import type { zhSafety } from './zh-safety.ts';

/** English strings of the safety measures. */
export const enSafety: Record<keyof typeof zhSafety, string> = {
  'issue.unrecognised-visibility':
    'The visibility value was not recognised: the record is treated as internal and is not published',
};
