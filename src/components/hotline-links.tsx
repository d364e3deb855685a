import './hotline-links.css';
import { toTelUri } from '../domain/model/phone.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { selectResidentConfig } from '../store/nearby/nearby-selectors.ts';

/** The configured hotlines (113, 1925, 1957, 1966…) as large call links. */
export function HotlineLinks() {
  const { t, label } = useTranslation();
  const hotlines = useAppStore((s) => selectResidentConfig(s).hotlines);
  return (
    <ul className="hotline-links">
      {hotlines.map((line) => (
        <li key={line.number}>
          <a className="hotline" href={toTelUri(line.number) ?? `tel:${line.number}`}>
            <span className="hotline__number">{t('nearby.call', { number: line.number })}</span>
            <span className="hotline__label">{label(line.label)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
