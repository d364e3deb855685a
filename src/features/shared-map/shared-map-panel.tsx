import './shared-map.css';
import { useId, useState } from 'react';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { ConnectionStatus } from './connection-status.tsx';
import { OfficeTools } from './office-tools.tsx';
import { SharedNotice } from './shared-notice.tsx';
import { SharedRecordForm } from './shared-record-form.tsx';
import { SharedUndo } from './shared-undo.tsx';
import { WorkshopParticipant } from './workshop-participant.tsx';

/** Who this link speaks for, the connection, what the server refused, and the office's or member's tools. */
export function SharedMapPanel() {
  const { t } = useOfficeTranslation();
  const id = useId();
  const phase = useAppStore((s) => s.sharedPhase);
  const session = useAppStore((s) => s.sharedSession);
  const displayName = useAppStore((s) => s.sharedDisplayName);
  const ownWritable = useAppStore((s) => (session ? s.sharedDocs[session.own]?.access === 'write' : false));
  const [adding, setAdding] = useState(false);
  return (
    <section className="shared-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('shared.heading')}</h2>
      {phase === 'starting' && <p role="status">{t('shared.starting')}</p>}
      <SharedNotice />
      {session && (
        <>
          <p>
            {t('shared.you', { label: session.label })} · {t(`shared.role.${session.role}`)}
          </p>
          <ConnectionStatus />
          <SharedUndo />
          {session.role !== 'participant' && (
            <>
              <label htmlFor={`${id}-name`}>{t('shared.displayName')}</label>
              <input
                id={`${id}-name`}
                value={displayName}
                autoComplete="name"
                onChange={(e) => useAppStore.getState().setSharedDisplayName(e.target.value)}
              />
            </>
          )}
          {session.role === 'participant' && <WorkshopParticipant />}
          {ownWritable && session.role !== 'participant' && (
            <div className="shared-panel__row">
              <button type="button" className="button-secondary" onClick={() => setAdding(true)}>
                {t('shared.add')}
              </button>
            </div>
          )}
          {session.role === 'admin' && <OfficeTools />}
        </>
      )}
      {adding && <SharedRecordForm record={null} onClose={() => setAdding(false)} />}
    </section>
  );
}
