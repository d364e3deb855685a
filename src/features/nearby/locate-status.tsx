import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import type { LocateStatus } from '../../store/nearby/nearby-slice.ts';

const PROBLEMS: readonly LocateStatus[] = ['denied', 'unavailable', 'timeout', 'unsupported'];

/** Whether asking for the position failed (the other ways to choose a place should then be offered). */
export function isLocateProblem(status: LocateStatus): boolean {
  return PROBLEMS.includes(status);
}

/** What happened to "use my location", announced politely; a problem says what to do instead. */
export function LocateStatusMessage() {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.locateStatus);
  const problem = isLocateProblem(status);
  return (
    <p className={problem ? 'nearby-message nearby-message--problem' : 'nearby-message'} role="status">
      {status === 'locating' && t('nearby.locating')}
      {status === 'found' && t('nearby.found')}
      {problem && t(`nearby.${status as 'denied' | 'unavailable' | 'timeout' | 'unsupported'}`)}
    </p>
  );
}
