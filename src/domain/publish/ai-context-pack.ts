import {
  availableColumns,
  type ExportColumnId,
  type ExportContext,
  type ExportLanguage,
  markedColumns,
} from '../files/export-columns.ts';
import { exportCsv } from '../files/export-csv.ts';
import { type LinkRecordTally, tallyLinkRecords } from '../link/link-records.ts';
import type { Manifest } from '../model/manifest.ts';
import type { Resource } from '../model/resource.ts';
import { type ConfidentialRules, publicVersion } from './confidential.ts';

/**
 * The public build's rules for records already loaded: every file's internal columns (聯絡人…) and the internal
 * categories, as the server's publishing merges them (src/server/publish.ts).
 */
export function confidentialRulesOf(manifest: Manifest): ConfidentialRules {
  return {
    visibility: 'public',
    internalColumns: [...new Set(manifest.files.flatMap((f) => f.internalColumns ?? []))],
    fileCategoryInternal: false,
    internalCategories: manifest.categories.filter((c) => c.visibility === 'internal'),
  };
}

/** The records of an AI pack, with what was left out. */
export interface PublicRecordsCsv {
  readonly csv: string;
  readonly columns: readonly ExportColumnId[];
  readonly recordCount: number;
  /** Internal records (a 公開 cell, an internal file, an internal category) left out. */
  readonly droppedRecords: number;
  readonly droppedColumns: readonly string[];
  /** The records in the CSV that a `?data=` link brought (each row marked in the 非官方來源 column). */
  readonly linkRecords: LinkRecordTally;
}

/**
 * The records at `indexes` as CSV that may leave the office: internal records are left out first, then the
 * export goes through the very function the public build ships data/ through (`publicVersion`), which removes
 * internal categories' records and internal columns. The 公開/visibility column goes too: every row is public.
 * A record a `?data=` link brought (`linkHosts`: record id → host) is public but not official: the CSV then
 * leads with the exports' 非官方來源 column, as every export does; without such a record the CSV is unchanged.
 */
export function publicRecordsCsv(
  resources: readonly Resource[],
  indexes: readonly number[],
  manifest: Manifest,
  language: ExportLanguage,
  linkHosts: ReadonlyMap<string, string> = new Map(),
): PublicRecordsCsv {
  const chosen = indexes.map((i) => resources[i]).filter((r): r is Resource => r !== undefined);
  const shown = chosen.filter((r) => r.visibility === 'public');
  const internalCategories = new Set(
    manifest.categories.filter((c) => c.visibility === 'internal').map((c) => c.id),
  );
  const records = shown.filter((r) => !internalCategories.has(r.category));
  const columns = availableColumns(records).filter((c) => c !== 'visibility');
  const ctx: ExportContext = {
    language,
    categories: manifest.categories,
    serviceTags: manifest.serviceTags,
    linkHosts,
  };
  const exported = exportCsv(records, columns, ctx);
  const safe = publicVersion(exported, confidentialRulesOf(manifest));
  const bytes = safe.bytes ?? new Uint8Array();
  const csv = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  const kept = markedColumns(records, columns, ctx).filter(
    (c) => !(c.startsWith('extra:') && safe.droppedColumns.includes(c.slice('extra:'.length))),
  );
  return {
    csv,
    columns: kept,
    recordCount: records.length - (safe.droppedRecords || 0),
    droppedRecords: chosen.length - records.length + (safe.droppedRecords || 0),
    droppedColumns: safe.droppedColumns,
    linkRecords: tallyLinkRecords(records, linkHosts),
  };
}

/** The parts of an AI context pack, already in the person's language. */
export interface AiPackParts {
  readonly title: string;
  /**
   * Lines under the title saying the pack holds unofficial data from a link, written as a quote block; empty
   * (or absent) for a pack without link records, which is then written exactly as before.
   */
  readonly unofficialNote?: readonly string[];
  readonly prompt: string;
  /** One line per column: "名稱：…". */
  readonly columnNotes: readonly string[];
  readonly briefingHeading: string;
  readonly briefing: string;
  readonly recordsHeading: string;
  readonly records: PublicRecordsCsv;
}

/** One Markdown file to paste into a chatbot: the prompt and column notes, the briefing, then the records as CSV. */
export function composeAiPack(parts: AiPackParts): string {
  return [
    `# ${parts.title}`,
    '',
    ...(parts.unofficialNote && parts.unofficialNote.length > 0
      ? [...parts.unofficialNote.flatMap((line, i) => (i === 0 ? [] : ['>']).concat(`> **${line}**`)), '']
      : []),
    parts.prompt,
    '',
    ...parts.columnNotes.map((line) => `- ${line}`),
    '',
    `## ${parts.briefingHeading}`,
    '',
    parts.briefing,
    '',
    `## ${parts.recordsHeading}`,
    '',
    '```csv',
    parts.records.csv.replace(/\r\n/g, '\n').trimEnd(),
    '```',
    '',
  ].join('\n');
}
