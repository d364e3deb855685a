/** zh-TW strings of the nearby features. */
export const zhNearby = {} as const;
