import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';

/** Opens the keyboard-shortcut help (also ? or H). */
export function HelpButton() {
  const { t } = useTranslation();
  const setOverlay = useAppStore((s) => s.setOverlay);
  return (
    <button
      type="button"
      className="button-secondary keep-in-presentation"
      aria-keyshortcuts="Shift+/ H"
      onClick={() => setOverlay('help')}
    >
      {t('help.button')}
    </button>
  );
}
