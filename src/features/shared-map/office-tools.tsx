import { type FormEvent, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MEMBER_KINDS, type MemberKind } from '../../domain/shared-map/county-index.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import {
  inviteOrganisation,
  openWorkshop,
  publishSharedMap,
  revokeInvitation,
  uploadRecordsOnShow,
} from '../../store/shared-map/shared-map-actions.ts';
import { InvitationQrDialog } from './invitation-qr-dialog.tsx';
import { WorkshopProposals } from './workshop-proposals.tsx';

/** The county office's tools: put today's records in, invite members (link + QR), revoke, publish. */
export function OfficeTools() {
  const { t } = useOfficeTranslation();
  const id = useId();
  const own = useAppStore((s) => s.sharedSession?.own ?? '');
  // Offered until the county's document holds the upload (records added or approved before it do not count).
  const uploaded = useAppStore((s) => (s.sharedDocs[own]?.defaultData ?? null) !== null);
  const ownSynced = useAppStore((s) => s.sharedDocs[own]?.synced ?? false);
  // Roughly what an upload puts in (the default data and this browser's layers; edits replace records in place).
  const onShow = useAppStore(
    (s) =>
      s.base.resources.length +
      s.layers.reduce((n, l) => n + (l.kind === 'shared' ? 0 : l.dataset.resources.length), 0),
  );
  const invitations = useAppStore((s) => s.sharedInvitations);
  const members = useAppStore((s) => s.sharedMembers.length);
  const versions = useAppStore((s) => s.sharedVersions);
  const workshops = useAppStore(
    useShallow((s) => Object.keys(s.sharedDocs).filter((d) => d.startsWith('workshop/'))),
  );
  const [workshopName, setWorkshopName] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<MemberKind>('association');
  const [message, setMessage] = useState('');
  const [qrFor, setQrFor] = useState<string | null>(null);
  const shownQr = invitations.find((i) => i.grantId === qrFor) ?? null;

  const invite = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    inviteOrganisation(name.trim(), kind).then(
      () => {
        setName('');
        setMessage('');
      },
      (error: unknown) => setMessage(t('shared.invite.failed', { reason: String(error) })),
    );
  };
  const startWorkshop = (event: FormEvent) => {
    event.preventDefault();
    if (workshopName.trim() === '') return;
    openWorkshop(workshopName.trim()).then(
      () => setWorkshopName(''),
      (error: unknown) => setMessage(t('shared.invite.failed', { reason: String(error) })),
    );
  };
  const publish = () => {
    publishSharedMap().then(
      (published) => {
        if (published)
          setMessage(t('shared.published', { version: published.version, count: published.recordCount }));
      },
      (error: unknown) => setMessage(String(error)),
    );
  };

  return (
    <>
      {!uploaded && ownSynced && onShow > 0 && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            uploadRecordsOnShow();
            setMessage(t('shared.uploaded'));
          }}
        >
          {t('shared.upload', { count: onShow })}
        </button>
      )}
      <form className="shared-form" onSubmit={invite} aria-labelledby={`${id}-invite`}>
        <h3 id={`${id}-invite`}>{t('shared.invite.heading')}</h3>
        <label htmlFor={`${id}-org`}>{t('shared.invite.name')}</label>
        <input id={`${id}-org`} value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={`${id}-kind`}>{t('shared.invite.kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as MemberKind)}>
          {MEMBER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`shared.kind.${k}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button-secondary">
          {t('shared.invite.submit')}
        </button>
      </form>
      <form className="shared-form" onSubmit={startWorkshop} aria-labelledby={`${id}-workshop`}>
        <h3 id={`${id}-workshop`}>{t('shared.workshop.open')}</h3>
        <label htmlFor={`${id}-workshop-name`}>{t('shared.workshop.name')}</label>
        <input
          id={`${id}-workshop-name`}
          value={workshopName}
          onChange={(e) => setWorkshopName(e.target.value)}
        />
        <button type="submit" className="button-secondary">
          {t('shared.workshop.open')}
        </button>
      </form>
      {workshops.map((document) => (
        <WorkshopProposals key={document} document={document} />
      ))}
      {invitations.length > 0 && (
        <>
          <h3>{t('shared.invitations')}</h3>
          <ul className="shared-panel__links">
            {invitations.map((i) => (
              <li key={i.grantId}>
                <label>
                  {t('shared.invite.link', { label: i.label })}
                  <input readOnly value={i.revoked ? t('shared.invite.revoked') : i.link} />
                </label>
                {!i.revoked && (
                  <div className="shared-panel__row">
                    <button type="button" className="button-secondary" onClick={() => setQrFor(i.grantId)}>
                      {t('shared.invite.qr')}
                    </button>
                    <button
                      type="button"
                      className="button-secondary"
                      onClick={() =>
                        void revokeInvitation(i.grantId).catch((e: unknown) => setMessage(String(e)))
                      }
                    >
                      {t('shared.invite.revoke')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>{t('shared.members', { count: members })}</p>
      <button type="button" className="button-secondary" onClick={publish}>
        {t('shared.publish')}
      </button>
      {versions.length > 0 && (
        <p>{t('shared.versions', { list: versions.map((v) => `v${v.version}`).join('、') })}</p>
      )}
      {message !== '' && <p role="status">{message}</p>}
      {shownQr && <InvitationQrDialog invitation={shownQr} onClose={() => setQrFor(null)} />}
    </>
  );
}
