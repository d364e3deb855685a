import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';

/** Opens or closes the inventory and coverage panel. */
export function AnalysisButton() {
  const { t } = useTranslation();
  const open = useAppStore((s) => s.analysisOpen);
  const setOpen = useAppStore((s) => s.setAnalysisOpen);
  return (
    <button
      type="button"
      className="button-secondary keep-in-presentation"
      aria-pressed={open}
      aria-keyshortcuts="I"
      onClick={() => setOpen(!open)}
    >
      {t('analysis.toggle')}
    </button>
  );
}
