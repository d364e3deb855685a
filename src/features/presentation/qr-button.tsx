import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';

/** Shows the QR code of the current view. */
export function QrButton() {
  const { t } = useTranslation();
  const setOverlay = useAppStore((s) => s.setOverlay);
  return (
    <button
      type="button"
      className="button-secondary keep-in-presentation"
      aria-keyshortcuts="Q"
      onClick={() => setOverlay('qr')}
    >
      {t('qr.show')}
    </button>
  );
}
