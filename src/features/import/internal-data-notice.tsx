import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectHasInternal } from '../../store/import/import-derived.ts';

/** While internal records (內部資料) are on show, the page says so: they stay in this browser and off projectors. */
export function InternalDataNotice() {
  const { t } = useOfficeTranslation();
  const hasInternal = useAppStore(selectHasInternal);
  if (!hasInternal) return null;
  return (
    <p className="internal-notice" role="note">
      {t('import.internalNotice')}
    </p>
  );
}
