import type { zhWorkshop } from './zh-workshop.ts';

/** English strings of the workshop features. */
export const enWorkshop: Record<keyof typeof zhWorkshop, string> = {};
