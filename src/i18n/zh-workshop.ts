/** zh-TW strings of the workshop features. */
export const zhWorkshop = {} as const;
