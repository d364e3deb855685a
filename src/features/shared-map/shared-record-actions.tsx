import './shared-map.css';
import { Suspense, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ChunkErrorBoundary } from '../../components/chunk-error-boundary.tsx';
import { lazyPart, useLazyPart } from '../../components/lazy-part.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectSharedOwner } from '../../store/shared-map/shared-map-derived.ts';

// The form (and with it the connection's code) loads when a shared record is first edited.
const recordForm = lazyPart(() =>
  import('./shared-record-form.tsx').then((m) => ({ default: m.SharedRecordForm })),
);
const recordHistory = lazyPart(() =>
  import('./shared-record-history.tsx').then((m) => ({ default: m.SharedRecordHistory })),
);

/**
 * In the detail panel, for a record of a shared map: who keeps it ("read-only" when this link may not change
 * it), and the shared map's edit. The server decides: a change to another organisation's record is refused.
 */
export function SharedRecordActions({ resource }: { resource: Resource }) {
  const { t } = useOfficeTranslation();
  const id = useId();
  const owner = useAppStore(useShallow((s) => selectSharedOwner(s, resource.id)));
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const [History, retryHistory] = useLazyPart(recordHistory);
  const [Form, retryForm] = useLazyPart(recordForm);
  if (!owner) return null;
  const remove = () =>
    void import('../../store/shared-map/shared-map-actions.ts').then((m) =>
      m.deleteSharedRecord(resource.id),
    );
  return (
    <div className="edit-actions">
      <p className="shared-owner">
        {!owner.editable && <span className="shared-owner__badge">{t('shared.readOnly')}</span>}{' '}
        {t('shared.owner', { label: owner.label })}
      </p>
      {/* Another organisation's record: the edit is shown, not offered, with the reason (the server refuses it too). */}
      <button
        type="button"
        className="button-secondary"
        disabled={!owner.editable}
        aria-describedby={owner.editable ? undefined : `${id}-why`}
        onClick={() => setEditing(true)}
      >
        {t('shared.edit')}
      </button>
      {!owner.editable && (
        <p id={`${id}-why`} className="shared-owner__why">
          {owner.checked ? t('shared.readOnlyReason', { label: owner.label }) : t('shared.accessPending')}
        </p>
      )}
      {owner.editable && (
        <button type="button" className="button-secondary" onClick={remove}>
          {t('shared.delete')}
        </button>
      )}
      <button
        type="button"
        className="button-secondary"
        aria-expanded={history}
        onClick={() => setHistory(!history)}
      >
        {t('shared.history.show')}
      </button>
      {history && (
        <ChunkErrorBoundary onRetry={retryHistory}>
          <Suspense fallback={null}>
            <History resource={resource} editable={owner.editable} />
          </Suspense>
        </ChunkErrorBoundary>
      )}
      {editing && (
        <ChunkErrorBoundary onRetry={retryForm} onClose={() => setEditing(false)}>
          <Suspense fallback={null}>
            <Form record={resource} onClose={() => setEditing(false)} />
          </Suspense>
        </ChunkErrorBoundary>
      )}
    </div>
  );
}
