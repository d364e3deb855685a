import { downloadFile, fileNameOf, todayIso } from '../../components/download-file.ts';
import type { TownshipBriefing } from '../../domain/briefing/township-briefing.ts';
import {
  columnHeader,
  type ExportLanguage,
  exportLanguageOf,
  LINK_ORIGIN_COLUMN,
} from '../../domain/files/export-columns.ts';
import type { Language } from '../../domain/model/language.ts';
import {
  composeAiPack,
  type PublicRecordsCsv,
  publicRecordsCsv,
} from '../../domain/publish/ai-context-pack.ts';
import { translateBriefing } from '../../i18n/briefing/translate-briefing.ts';
import type { BriefingKey } from '../../i18n/briefing/zh-briefing.ts';
import type { AppState } from '../../store/app-store.ts';
import { selectDataset, selectFilterResult } from '../../store/data/derived.ts';
import { selectLinkHostById } from '../../store/import/data-link-derived.ts';

/**
 * Downloads the AI context pack: a prompt explaining the columns, the briefing's sentences, and the records of
 * the current filters with internal records and columns removed by the public build's own rules. Records a
 * `?data=` link brought are marked in the CSV, and a note under the title says the pack holds unofficial data
 * (and, for the briefing, which counts official data only, how many of the township's it left out).
 */
export function downloadAiPack(
  s: AppState,
  language: Language,
  briefing: TownshipBriefing | null,
  sentences: readonly string[],
): PublicRecordsCsv | null {
  if (!s.manifest) return null;
  const t = (key: BriefingKey, values?: Record<string, string | number>) =>
    translateBriefing(language, key, values);
  const linkHosts = selectLinkHostById(s);
  const { resources } = selectDataset(s);
  const records = publicRecordsCsv(
    resources,
    selectFilterResult(s).visible,
    s.manifest,
    exportLanguageOf(language),
    linkHosts,
  );
  const leftOut = briefing?.linkRecordsLeftOut ?? null;
  const unofficialNote = [
    ...(records.linkRecords.count > 0
      ? [
          t('aiPack.unofficial', {
            count: records.linkRecords.count,
            host: records.linkRecords.hosts.join('、'),
            column: columnHeader(LINK_ORIGIN_COLUMN, exportLanguageOf(language)),
          }),
        ]
      : []),
    ...(briefing && leftOut && leftOut.count > 0
      ? [
          t('aiPack.unofficialBriefing', {
            count: leftOut.count,
            town: briefing.town,
            host: leftOut.hosts.join('、'),
          }),
        ]
      : []),
  ];
  const columnNotes = records.columns.some((c) => c.startsWith('extra:'))
    ? [...builtInNotes(records, exportLanguageOf(language), t), t('aiPack.col.extra')]
    : builtInNotes(records, exportLanguageOf(language), t);
  const text = composeAiPack({
    title: t('aiPack.title'),
    unofficialNote,
    prompt: t('aiPack.prompt'),
    columnNotes,
    briefingHeading: briefing
      ? `${t('aiPack.briefingHeading')}${t('briefing.labelSeparator')}${briefing.county} ${briefing.town}`
      : t('aiPack.briefingHeading'),
    briefing: sentences.length > 0 ? sentences.join('\n') : t('aiPack.noBriefing'),
    recordsHeading: t('aiPack.recordsHeading'),
    records,
  });
  downloadFile(
    fileNameOf(
      [
        t('aiPack.fileName'),
        briefing?.town ?? '',
        unofficialNote.length > 0 ? t('aiPack.filePart') : '',
        todayIso(),
      ],
      'md',
    ),
    text,
    'text/markdown;charset=utf-8',
  );
  return records;
}

function builtInNotes(
  records: PublicRecordsCsv,
  language: ExportLanguage,
  t: (key: BriefingKey) => string,
): string[] {
  return records.columns
    .filter((c) => !c.startsWith('extra:'))
    .map(
      (c) =>
        `${columnHeader(c, language)}${t('briefing.labelSeparator')}${t(`aiPack.col.${c}` as BriefingKey)}`,
    );
}
