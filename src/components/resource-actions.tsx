import './share-actions.css';
import { resourceShareUrl } from '../domain/link/share-links.ts';
import { correctionLink } from '../domain/model/resident-config.ts';
import type { Resource } from '../domain/model/resource.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { selectResidentConfig } from '../store/nearby/nearby-selectors.ts';
import { ShareActions } from './share-actions.tsx';

/** Share this resource (share sheet or copy, and LINE) and report a mistake in its record. */
export function ResourceActions({ resource }: { resource: Resource }) {
  const { t, language } = useTranslation();
  const correctionUrl = useAppStore((s) => selectResidentConfig(s).correctionUrl);
  const report = correctionLink(correctionUrl, resource);
  const url = resourceShareUrl(window.location.href, resource.id, language);
  return (
    <div className="resource-actions">
      <ShareActions title={resource.name} url={url} label={t('nearby.share')} />
      {report && (
        <a className="button-ghost" href={report} target="_blank" rel="noopener noreferrer">
          {t('nearby.reportCorrection')}
        </a>
      )}
    </div>
  );
}
