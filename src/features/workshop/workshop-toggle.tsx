import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';

/** Turns co-mapping on and off: while on, a click on the map adds a resource. */
export function WorkshopToggle() {
  const { t } = useTranslation();
  const editing = useAppStore((s) => s.workshopEditing);
  const setEditing = useAppStore((s) => s.setWorkshopEditing);
  return (
    <button
      type="button"
      className="button-secondary"
      aria-pressed={editing}
      aria-keyshortcuts="A"
      onClick={() => setEditing(!editing)}
    >
      {t('workshop.toggle')}
    </button>
  );
}
