import './hotline-links.css';
import { toTelUri } from '../domain/model/phone.ts';
import type { HotlineConfig } from '../domain/model/resident-config.ts';
import { useTranslation } from '../i18n/use-translation.ts';

/** Hotlines (113, 1925, 1957, 1966…) as large call links, each with what it is for in the page's language. */
export function HotlineLinks({ hotlines }: { hotlines: readonly HotlineConfig[] }) {
  const { t, label } = useTranslation();
  return (
    <ul className="hotline-list">
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

/** The configured hotlines with these numbers, in the order given (unknown numbers are left out). */
export function hotlinesByNumber(all: readonly HotlineConfig[], numbers: readonly string[]): HotlineConfig[] {
  return numbers.flatMap((n) => all.filter((h) => h.number === n));
}
