import { useShallow } from 'zustand/react/shallow';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectSharedConnection } from '../../store/shared-map/shared-map-derived.ts';

/**
 * Online, offline or connecting, how many changes wait for the server (announced politely), and whether this
 * browser refuses to keep the map (then nothing made offline survives).
 */
export function ConnectionStatus() {
  const { t } = useOfficeTranslation();
  const { connection, waiting, notKept } = useAppStore(useShallow(selectSharedConnection));
  return (
    <div role="status">
      <p className="shared-status" data-connection={connection}>
        {t(notKept && connection === 'offline' ? 'shared.offlineNotKept' : `shared.${connection}`)}
      </p>
      <p>{waiting > 0 ? t('shared.waiting', { count: waiting }) : t('shared.allSaved')}</p>
      {notKept && <p>{t('shared.notKept')}</p>}
    </div>
  );
}
