import './data-link.css';
import { Modal } from '../../components/modal.tsx';
import { DATA_LINK_MAX_BYTES, formatByteLimit } from '../../domain/link/data-link.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { acceptDataLink, dismissDataLink } from '../../store/import/data-link-actions.ts';

/**
 * Asks before anything from a `?data=` link loads: whose host the file comes from (and the whole address), that
 * it is not official data, and the choice. Declining, closing or Escape leave the official map as it is.
 */
export function DataLinkDialog() {
  const { t } = useTranslation();
  const link = useAppStore((s) => (s.dataLink?.stage === 'confirm' ? s.dataLink : null));
  if (!link) return null;
  return (
    <Modal
      title={t('dataLink.confirmTitle')}
      onClose={dismissDataLink}
      closeLabel={t('import.close')}
      className="data-link-dialog"
      footer={
        <>
          <button type="button" className="button-secondary" onClick={dismissDataLink}>
            {t('dataLink.decline')}
          </button>
          <button type="button" className="button-primary" onClick={acceptDataLink}>
            {t('dataLink.accept')}
          </button>
        </>
      }
    >
      <p className="data-link-dialog__host">
        {/* The sentence with its {host} in bold: the one thing a person must read. */}
        {t('dataLink.confirmHost')
          .split('{host}')
          .flatMap((part, i) => (i === 0 ? [part] : [<strong key="host">{link.host}</strong>, part]))}
      </p>
      <p className="data-link-dialog__warning">{t('dataLink.confirmWarning')}</p>
      <p className="data-link-dialog__url">
        <span>{t('dataLink.confirmUrl')}</span> <code>{link.url}</code>
      </p>
      <p className="muted">{t('dataLink.confirmKeep')}</p>
      <p className="muted">{t('dataLink.limit', { limit: formatByteLimit(DATA_LINK_MAX_BYTES) })}</p>
    </Modal>
  );
}
