import { formatNumber } from '../i18n/translate.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { selectFilterResult } from '../store/data/derived.ts';
import type { PhoneView } from './use-phone-view.ts';

const VIEWS: readonly PhoneView[] = ['find', 'list', 'map'];

/** The phone's screen switch (find / list / map); hidden on wider screens, where all three show at once. */
export function PhoneViewSwitch({ view, onChange }: { view: PhoneView; onChange(view: PhoneView): void }) {
  const { t, language } = useTranslation();
  const count = useAppStore((s) => selectFilterResult(s).visible.length);
  const ready = useAppStore((s) => s.status === 'ready');
  return (
    <nav className="phone-views" aria-label={t('nearby.phoneViews')}>
      {VIEWS.map((v) => (
        <button key={v} type="button" data-view={v} aria-pressed={view === v} onClick={() => onChange(v)}>
          {t(`nearby.view.${v}`)}
          {v === 'list' && ready && (
            <span className="phone-views__count">{formatNumber(language, count)}</span>
          )}
        </button>
      ))}
    </nav>
  );
}
