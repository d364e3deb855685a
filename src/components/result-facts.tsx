import './result-facts.css';
import type { Resource } from '../domain/model/resource.ts';
import { isVerificationStale } from '../domain/model/verification.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { DistanceText } from './distance-text.tsx';
import { OpenStateBadge } from './open-state-badge.tsx';

/** What a resident checks at a glance in a result: how far, open now, and how recently it was verified. */
export function ResultFacts({ resource }: { resource: Resource }) {
  const { t, language } = useTranslation();
  const stale = useAppStore((s) => isVerificationStale(resource.lastVerified, s.clock));
  return (
    <span className="result-facts">
      <DistanceText resource={resource} />
      <OpenStateBadge hours={resource.openingHours} />
      <span className={stale ? 'verified verified--stale' : 'verified'}>
        {resource.lastVerified
          ? t('nearby.verified', { date: formatDate(language, resource.lastVerified) })
          : t('nearby.verifiedNone')}
        {stale && ` ${t('nearby.verifiedOld')}`}
      </span>
    </span>
  );
}
