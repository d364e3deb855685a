import './share-actions.css';
import { resourceShareUrl } from '../domain/link/share-links.ts';
import type { Resource } from '../domain/model/resource.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { CorrectionReport } from './correction-report.tsx';
import { ShareActions } from './share-actions.tsx';

/** Share this resource (share sheet or copy, and LINE) and report a mistake in its record. */
export function ResourceActions({ resource }: { resource: Resource }) {
  const { t, language } = useTranslation();
  const url = resourceShareUrl(window.location.href, resource.id, language);
  return (
    <div className="resource-actions">
      <ShareActions title={resource.name} url={url} label={t('nearby.share')} />
      <CorrectionReport resource={resource} />
    </div>
  );
}
