import './contact-buttons.css';
import { directionsUrl } from '../domain/geo/directions.ts';
import { toTelUri } from '../domain/model/phone.ts';
import type { Resource } from '../domain/model/resource.ts';
import { useTranslation } from '../i18n/use-translation.ts';

/** The first phone number that can be dialled, with its tel: link (an extension becomes a pause: tel:052207017,17). */
export function firstCallable(phones: readonly string[]): { phone: string; tel: string } | null {
  for (const phone of phones) {
    const tel = toTelUri(phone);
    if (tel) return { phone, tel };
  }
  return null;
}

/**
 * 打電話 and 路線 as two large buttons (at least 44 px): what a resident does with a result. On every result
 * card and at the top of the detail. Either is left out when the record has no number, or no place to go to.
 */
export function ContactButtons({ resource }: { resource: Resource }) {
  const { t } = useTranslation();
  const call = firstCallable(resource.phones);
  const directions = directionsUrl(resource);
  if (!call && !directions) return null;
  return (
    <div className="contact-buttons">
      {call && (
        // The accessible name starts with what the button shows (打電話 05-…), then says whom it calls.
        <a className="contact-button contact-button--call" href={call.tel}>
          <span aria-hidden="true">☎</span> {t('card.call')}{' '}
          <span className="contact-button__detail">{call.phone}</span>
          <span className="visually-hidden">（{resource.name}）</span>
        </a>
      )}
      {directions && (
        <a className="contact-button" href={directions} target="_blank" rel="noopener noreferrer">
          <span aria-hidden="true">➜</span> {t('card.directions')}
          <span className="visually-hidden">（{resource.name}）</span>
        </a>
      )}
    </div>
  );
}
