import { useId, useState } from 'react';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { SharedRecordForm } from './shared-record-form.tsx';

/** A workshop table on a phone: its name, and proposals added to the projected map. */
export function WorkshopParticipant() {
  const { t } = useOfficeTranslation();
  const id = useId();
  const table = useAppStore((s) => s.sharedTable);
  const made = useAppStore((s) => {
    const own = s.sharedSession?.own ?? '';
    return (s.sharedProposals[own] ?? []).filter((p) => p.table === s.sharedTable.trim()).length;
  });
  const [adding, setAdding] = useState(false);
  return (
    <>
      <label htmlFor={`${id}-table`}>{t('shared.table')}</label>
      <input
        id={`${id}-table`}
        value={table}
        autoComplete="off"
        onChange={(e) => useAppStore.getState().setSharedTable(e.target.value)}
      />
      <button
        type="button"
        className="button-primary"
        disabled={table.trim() === ''}
        onClick={() => setAdding(true)}
      >
        {t('shared.propose')}
      </button>
      <p>{t('shared.proposed', { count: made })}</p>
      {adding && <SharedRecordForm record={null} mode="propose" onClose={() => setAdding(false)} />}
    </>
  );
}
