import type { FileDefaults } from '../domain/build-resource.ts';
import type { CategoryConfig, ServiceTagConfig } from '../domain/categories.ts';
import type { TextEncodingName } from '../domain/decode-bytes.ts';
import type { ImportChoices, ImportPhase, ImportPreview, ImportResult } from '../domain/import-file.ts';

/** What the importer needs from the app's configuration (the gazetteer is fetched once where the import runs). */
export interface ImportConfig {
  readonly categories: readonly CategoryConfig[];
  readonly serviceTags: readonly ServiceTagConfig[];
  readonly gazetteerUrl: string;
}

/** Messages to the import worker. Bytes are transferred, not copied. */
export type ImportRequest =
  | {
      readonly type: 'preview';
      readonly bytes: Uint8Array;
      readonly fileName: string;
      readonly encoding?: TextEncodingName;
    }
  | {
      readonly type: 'import';
      readonly bytes: Uint8Array;
      readonly defaults: FileDefaults;
      readonly choices: ImportChoices;
      readonly config: ImportConfig;
    };

/** Messages from the import worker. */
export type ImportReply =
  | { readonly type: 'preview'; readonly preview: ImportPreview }
  | { readonly type: 'progress'; readonly phase: ImportPhase; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly result: ImportResult; readonly searchTexts?: readonly string[] }
  | { readonly type: 'error'; readonly error: string };
