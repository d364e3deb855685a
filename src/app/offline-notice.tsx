import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';

/** Says so while the device is offline: the data is the saved copy, and unseen map areas cannot load. */
export function OfflineNotice() {
  const { t } = useTranslation();
  const [offline, setOffline] = useState(
    () => typeof navigator !== 'undefined' && navigator.onLine === false,
  );
  useEffect(() => {
    const update = () => setOffline(navigator.onLine === false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  if (!offline) return null;
  return (
    <p className="offline-notice" role="note">
      {t('nearby.offline')}
    </p>
  );
}
