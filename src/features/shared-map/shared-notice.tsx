import type { MessageKey } from '../../i18n/messages-zh.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';

/** What the server refused, in words, until the person dismisses it. */
export function SharedNotice() {
  const { t } = useOfficeTranslation();
  const notice = useAppStore((s) => s.sharedNotice);
  const label = useAppStore((s) => (notice ? (s.sharedDocs[notice.document]?.label ?? notice.document) : ''));
  if (!notice) return null;
  const key = `shared.refused.${notice.reason}` as MessageKey;
  return (
    <div role="alert" className="shared-notice">
      <p>{t(key, { label })}</p>
      <button
        type="button"
        className="button-secondary"
        onClick={() => useAppStore.getState().setSharedNotice(null)}
      >
        {t('shared.dismiss')}
      </button>
    </div>
  );
}
