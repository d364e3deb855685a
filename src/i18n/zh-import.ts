/** zh-TW strings of the import features. */
export const zhImport = {} as const;
