import { useEffect, useRef } from 'react';
import { HotlineLinks } from '../../components/hotline-links.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectResidentConfig } from '../../store/nearby/nearby-selectors.ts';

/** The configured hotlines (113, 1925, 1957, 110, 119…) as large call links, shown by an urgent need. */
export function Hotlines() {
  const { t } = useTranslation();
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
      <HotlineLinks hotlines={hotlines} />
    </section>
  );
}
