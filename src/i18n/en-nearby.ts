import type { zhNearby } from './zh-nearby.ts';

/** English strings of the nearby features. */
export const enNearby: Record<keyof typeof zhNearby, string> = {};
