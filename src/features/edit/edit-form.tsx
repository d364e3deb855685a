import { type FormEvent, useId, useState } from 'react';
import { Modal } from '../../components/modal.tsx';
import { isoDate } from '../../domain/files/export-filename.ts';
import { parseDateCell } from '../../domain/model/dates.ts';
import { splitPhones } from '../../domain/model/phone.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { safeHttpUrl } from '../../domain/model/safe-url.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories, selectServiceTags } from '../../store/data/derived.ts';
import { commitCorrection } from '../../store/import/corrections-actions.ts';

type Text = Record<
  'name' | 'address' | 'county' | 'town' | 'phones' | 'openingHours' | 'website' | 'description' | 'source',
  string
>;

/** The correction form, loaded when a record is opened for correction (see edit-form-gate.tsx). */
export function EditForm({ resource }: { resource: Resource }) {
  const { t, label } = useOfficeTranslation();
  const categories = useAppStore(selectCategories);
  const serviceTags = useAppStore(selectServiceTags);
  const close = useAppStore((s) => s.startEditing);
  const id = useId();
  const [text, setText] = useState<Text>({
    name: resource.name,
    address: resource.address,
    county: resource.county,
    town: resource.town,
    phones: resource.phones.join('；'),
    openingHours: resource.openingHours ?? '',
    website: resource.website ?? '',
    description: resource.description ?? '',
    source: resource.source,
  });
  const [category, setCategory] = useState(resource.category);
  const [services, setServices] = useState<readonly string[]>(resource.services);
  const [internal, setInternal] = useState(resource.visibility === 'internal');
  const [verified, setVerified] = useState(isoDate(new Date()));
  const [problem, setProblem] = useState<'name' | 'website' | 'date' | null>(null);
  const field = (key: keyof Text, multiline = false) => {
    const props = {
      id: `${id}-${key}`,
      value: text[key],
      onChange: (e: { target: { value: string } }) =>
        setText((current) => ({ ...current, [key]: e.target.value })),
      ...(problem && key === problem ? { 'aria-invalid': true, 'aria-describedby': `${id}-problem` } : {}),
    };
    return (
      <div className="form-row">
        <label htmlFor={`${id}-${key}`}>{t(`edit.field.${key}`)}</label>
        {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
      </div>
    );
  };
  const save = (event?: FormEvent) => {
    event?.preventDefault();
    const name = text.name.trim();
    if (name === '') return setProblem('name');
    const website = text.website.trim() ? safeHttpUrl(text.website) : null;
    if (text.website.trim() && !website) return setProblem('website');
    const lastVerified = parseDateCell(verified);
    if (!lastVerified) return setProblem('date');
    const optional = (value: string) => value.trim() || undefined;
    const next: Resource = {
      ...resource,
      name,
      category,
      services,
      address: text.address.trim(),
      county: text.county.trim(),
      town: text.town.trim(),
      phones: splitPhones(text.phones),
      source: text.source.trim(),
      visibility: internal ? 'internal' : 'public',
      lastVerified,
    };
    const copy: Record<string, unknown> = { ...next };
    for (const key of ['openingHours', 'website', 'description'] as const) {
      const value = key === 'website' ? (website ?? undefined) : optional(text[key]);
      if (value === undefined) delete copy[key];
      else copy[key] = value;
    }
    commitCorrection(copy as unknown as Resource);
    close(null);
  };
  return (
    <Modal
      title={t('edit.title', { name: resource.name })}
      onClose={() => close(null)}
      closeLabel={t('import.cancel')}
      className="edit-dialog"
      footer={
        <>
          <button type="button" className="button-secondary" onClick={() => close(null)}>
            {t('import.cancel')}
          </button>
          <button type="submit" form={`${id}-form`} className="button-primary">
            {t('edit.save')}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="edit-form" onSubmit={save} noValidate>
        {field('name')}
        <div className="form-row">
          <label htmlFor={`${id}-category`}>{t('edit.field.category')}</label>
          <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value)}>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {label(c.label)}
              </option>
            ))}
            {!categories.some((c) => c.id === category) && <option value={category}>{category}</option>}
          </select>
        </div>
        <fieldset className="form-row">
          <legend>{t('edit.field.services')}</legend>
          <div className="chip-row">
            {serviceTags.map((tag) => (
              <label key={tag.id} className="chip">
                <input
                  type="checkbox"
                  checked={services.includes(tag.id)}
                  onChange={(e) =>
                    setServices((current) =>
                      e.target.checked ? [...current, tag.id] : current.filter((s) => s !== tag.id),
                    )
                  }
                />
                <span>{label(tag.label)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {field('address')}
        {field('county')}
        {field('town')}
        {field('phones')}
        {field('openingHours')}
        {field('website')}
        {field('description', true)}
        {field('source')}
        <div className="form-row">
          <label htmlFor={`${id}-verified`}>{t('edit.field.lastVerified')}</label>
          <input
            id={`${id}-verified`}
            type="date"
            value={verified}
            onChange={(e) => setVerified(e.target.value)}
            {...(problem === 'date' ? { 'aria-invalid': true, 'aria-describedby': `${id}-problem` } : {})}
          />
        </div>
        <label className="check-row">
          <input type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
          <span>{t('edit.field.internal')}</span>
        </label>
        {problem && (
          <p id={`${id}-problem`} className="alert" role="alert">
            {t(`edit.problem.${problem}`)}
          </p>
        )}
      </form>
    </Modal>
  );
}
