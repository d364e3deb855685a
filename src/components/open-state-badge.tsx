import './result-facts.css';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { selectOpenStateOf } from '../store/nearby/nearby-selectors.ts';

/** 營業中 / 已休息 / 時間未提供 for one resource, in words (colour is never the only cue). */
export function OpenStateBadge({ hours }: { hours: string | undefined }) {
  const { t } = useTranslation();
  const state = useAppStore((s) => selectOpenStateOf(s, hours));
  if (state === 'pending') return null;
  return (
    <span className={`open-badge open-badge--${state}`} data-open-state={state}>
      {t(`nearby.hours.${state}`)}
    </span>
  );
}
