import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { selectLinkHostOf } from '../store/import/data-link-derived.ts';

/**
 * 非官方・host on a record a `?data=` link brought, in the list and in the detail: such a record must never
 * pass for the map's own (a fake welfare centre beside the real one). Nothing for the map's own records.
 */
export function LinkDataBadge({ resourceId, detail = false }: { resourceId: string; detail?: boolean }) {
  const { t } = useTranslation();
  const host = useAppStore((s) => selectLinkHostOf(s, resourceId));
  if (host === null) return null;
  if (detail)
    return <p className="badge badge-link badge-link--detail">{t('dataLink.detailNote', { host })}</p>;
  return <span className="badge badge-link">{t('dataLink.badge', { host })}</span>;
}
