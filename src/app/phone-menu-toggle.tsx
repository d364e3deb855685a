import { useTranslation } from '../i18n/use-translation.ts';

/** On phones the header tools fold away behind this button (the language switch stays out); hidden on wider screens. */
export function PhoneMenuToggle({
  open,
  controls,
  onToggle,
}: {
  open: boolean;
  controls: string;
  onToggle(open: boolean): void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button-secondary phone-menu-toggle"
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => onToggle(!open)}
    >
      {t('nearby.menu')}
    </button>
  );
}
