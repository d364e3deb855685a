import { formatNumber } from '../i18n/translate.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { selectFilterResult } from '../store/data/derived.ts';

/** At the foot of the phone's find screen: how many results the choices give, and a way to see them. */
export function ShowResultsButton({ onShow }: { onShow(): void }) {
  const { t, language } = useTranslation();
  const count = useAppStore((s) => selectFilterResult(s).visible.length);
  const ready = useAppStore((s) => s.status === 'ready');
  if (!ready) return null;
  return (
    <div className="show-results">
      <button type="button" className="button-primary" onClick={onShow}>
        {t('nearby.showResults', { count: formatNumber(language, count) })}
      </button>
    </div>
  );
}
