import type { zhImport } from './zh-import.ts';

/** English strings of the import features. */
export const enImport: Record<keyof typeof zhImport, string> = {};
