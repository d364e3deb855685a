import { useEffect, useRef } from 'react';
import { toTelUri } from '../../domain/model/phone.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectResidentConfig } from '../../store/nearby/nearby-selectors.ts';

/** The configured hotlines (113, 1925, 1957, 110, 119…) as large call links. */
export function Hotlines() {
  const { t, label } = useTranslation();
  const hotlines = useAppStore((s) => selectResidentConfig(s).hotlines);
  const ref = useRef<HTMLElement>(null);
  // Shown because someone pressed 緊急求助: bring the numbers into view (on a phone they open below the fold).
  useEffect(() => {
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    ref.current?.scrollIntoView?.({ block: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  }, []);
  return (
    <section ref={ref} className="hotlines" aria-labelledby="hotlines-heading">
      <h3 id="hotlines-heading">{t('nearby.hotlines')}</h3>
      <p>{t('nearby.hotlinesNote')}</p>
      <ul>
        {hotlines.map((line) => (
          <li key={line.number}>
            <a className="hotline" href={toTelUri(line.number) ?? `tel:${line.number}`}>
              <span className="hotline__number">{t('nearby.call', { number: line.number })}</span>
              <span className="hotline__label">{label(line.label)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
