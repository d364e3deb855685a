import { useId } from 'react';
import { RADIUS_CHOICES_KM } from '../../domain/link/nearby-params.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';

/** 1 / 3 / 5 / 10 km or any distance, as radio buttons (arrow keys move between them). */
export function RadiusChoice() {
  const { t } = useTranslation();
  const radiusKm = useAppStore((s) => s.radiusKm);
  const setRadius = useAppStore((s) => s.setRadius);
  const name = useId();
  const choices: (number | null)[] = [...RADIUS_CHOICES_KM, null];
  return (
    <fieldset className="filter-group radius-choice">
      <legend>{t('nearby.radius')}</legend>
      <div className="chip-row">
        {choices.map((km) => (
          <label key={km ?? 'all'} className="chip">
            <input type="radio" name={name} checked={radiusKm === km} onChange={() => setRadius(km)} />
            <span>{km === null ? t('nearby.radiusAll') : t('nearby.radiusKm', { km })}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
