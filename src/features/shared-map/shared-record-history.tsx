import { useEffect, useMemo, useState } from 'react';
import type { Resource } from '../../domain/model/resource.ts';
import type { HistoryEntry } from '../../domain/shared-map/record-history.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { restoreSharedVersion, sharedRecordHistory } from '../../store/shared-map/shared-map-actions.ts';

/** A change's time on Taiwan's clock, in the page's language (the history is opened on demand: Intl is fine). */
const timeFormat = (language: string) =>
  new Intl.DateTimeFormat(language, { timeZone: 'Asia/Taipei', dateStyle: 'short', timeStyle: 'short' });

/**
 * Who changed a shared record, when, and to what; an older version can be put back (by those who may write the
 * record: the restore is a change like any other, and the server decides). The versions are read where the
 * documents are (the shared map's worker), so they arrive a moment after the list opens.
 */
export function SharedRecordHistory({ resource, editable }: { resource: Resource; editable: boolean }) {
  const { t, language } = useOfficeTranslation();
  const time = useMemo(() => timeFormat(language), [language]);
  const [loaded, setLoaded] = useState<{ id: string; versions: HistoryEntry[] } | null>(null);
  // Read again whenever the record on show changes (a remote change gives a new record); the versions read
  // before stay on show meanwhile, and a reply for a record no longer on show is not used.
  useEffect(() => {
    let current = true;
    const { id } = resource;
    void sharedRecordHistory(id).then((versions) => {
      if (current) setLoaded({ id, versions });
    });
    return () => {
      current = false;
    };
  }, [resource]);
  if (loaded?.id !== resource.id) return <p>{t('shared.history.loading')}</p>;
  const { versions } = loaded;
  if (versions.length === 0) return <p>{t('shared.history.none')}</p>;
  // The history only grows: a version's place in it, oldest first, names it; shown newest first.
  const numbered = versions.map((v, number) => ({ ...v, number })).reverse();
  return (
    <ol className="shared-history" aria-label={t('shared.history.label')}>
      {numbered.map((v) => (
        <li key={v.number}>
          <span>
            {time.format(new Date(v.at))} · {v.name && v.name !== v.org ? `${v.org}（${v.name}）` : v.org} ·{' '}
            {v.fields ? (v.fields.name ?? '') : t('shared.history.deleted')}
          </span>
          {editable && v.number < versions.length - 1 && (
            <button type="button" className="button-secondary" onClick={() => restoreSharedVersion(v)}>
              {t('shared.history.restore', { time: time.format(new Date(v.at)) })}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
