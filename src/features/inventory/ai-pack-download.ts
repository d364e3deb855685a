import { downloadFile, fileNameOf, todayIso } from '../../components/download-file.ts';
import type { TownshipBriefing } from '../../domain/briefing/township-briefing.ts';
import { columnHeader, type ExportLanguage, exportLanguageOf } from '../../domain/files/export-columns.ts';
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

/**
 * Downloads the AI context pack: a prompt explaining the columns, the briefing's sentences, and the records of
 * the current filters with internal records and columns removed by the public build's own rules.
 */
export function downloadAiPack(
  s: AppState,
  language: Language,
  briefing: TownshipBriefing | null,
  sentences: readonly string[],
): PublicRecordsCsv | null {
  if (!s.manifest) return null;
  const t = (key: BriefingKey) => translateBriefing(language, key);
  const records = publicRecordsCsv(
    selectDataset(s).resources,
    selectFilterResult(s).visible,
    s.manifest,
    exportLanguageOf(language),
  );
  const columnNotes = records.columns.some((c) => c.startsWith('extra:'))
    ? [...builtInNotes(records, exportLanguageOf(language), t), t('aiPack.col.extra')]
    : builtInNotes(records, exportLanguageOf(language), t);
  const text = composeAiPack({
    title: t('aiPack.title'),
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
    fileNameOf([t('aiPack.fileName'), briefing?.town ?? '', todayIso()], 'md'),
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
