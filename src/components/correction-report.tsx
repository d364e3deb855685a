import { useEffect, useId, useRef, useState } from 'react';
import { correctionLink } from '../domain/model/resident-config.ts';
import type { Resource } from '../domain/model/resource.ts';
import type { MessageKey } from '../i18n/messages-zh.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { selectResidentConfig } from '../store/nearby/nearby-selectors.ts';

const FIELDS = ['phone', 'address', 'hours', 'name', 'services', 'closed', 'other'] as const;
type Field = (typeof FIELDS)[number];

/**
 * A resident's fix: what is wrong and what is right, sent as a correction report through the configured form or
 * mail (prefilled with the record and the proposed change). It never changes the record on this device, nor its
 * last-verified date: the office in charge checks it first.
 */
export function CorrectionReport({ resource }: { resource: Resource }) {
  const { t, label } = useTranslation();
  const template = useAppStore((s) => selectResidentConfig(s).correctionUrl);
  const serviceTags = useAppStore((s) => s.manifest?.serviceTags);
  const [open, setOpen] = useState(false);
  const [field, setField] = useState<Field>('phone');
  const [proposed, setProposed] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLSelectElement>(null);
  const id = useId();
  // Opened: focus (and the view) goes to its first question.
  useEffect(() => {
    if (open) firstField.current?.focus();
  }, [open]);
  if (!correctionLink(template, resource)) return null;

  const fieldName = (f: Field) => t(`correction.field.${f}` as MessageKey);
  const current: Record<Field, string> = {
    phone: resource.phones.join('；'),
    address: resource.address,
    hours: resource.openingHours ?? '',
    name: resource.name,
    services: resource.services
      .map((s) => {
        const tag = serviceTags?.find((x) => x.id === s);
        return tag ? label(tag.label) : s;
      })
      .join('、'),
    closed: '',
    other: '',
  };
  const change = [
    t('correction.bodyRecord', { name: resource.name, id: resource.id }),
    t('correction.bodyProblem', { field: fieldName(field) }),
    current[field] ? t('correction.bodyCurrent', { field: fieldName(field), value: current[field] }) : '',
    proposed.trim() ? t('correction.bodyProposed', { proposed: proposed.trim() }) : '',
  ]
    .filter(Boolean)
    .join('\n');
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };

  return (
    <div className="correction-report">
      <button
        ref={opener}
        type="button"
        className="button-ghost"
        aria-expanded={open}
        aria-controls={open ? `${id}-form` : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('nearby.reportCorrection')}
      </button>
      {open && (
        <fieldset
          id={`${id}-form`}
          className="correction-report__form"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              // The detail closes on Escape too: this form is the nearer thing to close.
              event.stopPropagation();
              close();
            }
          }}
        >
          <legend>{t('correction.heading', { name: resource.name })}</legend>
          <label htmlFor={`${id}-field`}>{t('correction.field')}</label>
          <select
            ref={firstField}
            id={`${id}-field`}
            value={field}
            onChange={(e) => setField(e.currentTarget.value as Field)}
          >
            {FIELDS.map((f) => (
              <option key={f} value={f}>
                {fieldName(f)}
              </option>
            ))}
          </select>
          {current[field] && (
            <p className="muted">
              {t('correction.bodyCurrent', { field: fieldName(field), value: current[field] })}
            </p>
          )}
          <label htmlFor={`${id}-proposed`}>{t('correction.proposed')}</label>
          <textarea
            id={`${id}-proposed`}
            rows={3}
            value={proposed}
            placeholder={t('correction.proposedHint')}
            onChange={(e) => setProposed(e.currentTarget.value)}
          />
          <p className="muted" id={`${id}-note`}>
            {t('correction.note')} {t('correction.sendHint')}
          </p>
          <div className="correction-report__actions">
            <a
              className="button-primary"
              href={correctionLink(template, resource, change) ?? undefined}
              target="_blank"
              rel="noopener noreferrer"
              aria-describedby={`${id}-note`}
            >
              {t('correction.send')}
            </a>
            <button type="button" className="button-secondary" onClick={close}>
              {t('correction.cancel')}
            </button>
          </div>
        </fieldset>
      )}
    </div>
  );
}
