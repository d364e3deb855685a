import './result-facts.css';
import { isVerificationStale } from '../domain/model/verification.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';

/** A note beside a last-verified date more than a year old: call before going. */
export function StaleNote({ lastVerified }: { lastVerified: string | undefined }) {
  const { t } = useTranslation();
  const stale = useAppStore((s) => isVerificationStale(lastVerified, s.clock));
  if (!stale) return null;
  return <span className="verified--stale"> （{t('nearby.verifiedStale')}）</span>;
}
