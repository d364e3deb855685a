import './workshop-form.css';
import { type FormEvent, useEffect, useId, useRef } from 'react';
import type { DraftProblem } from '../../domain/workshop/workshop-record.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories, selectServiceTags } from '../../store/data/derived.ts';
import { saveDraft } from '../../store/workshop/workshop-actions.ts';

const PROBLEM_FIELD: Record<DraftProblem, 'name' | 'category' | 'startYear'> = {
  'name-required': 'name',
  'category-required': 'category',
  'start-year-invalid': 'startYear',
};

/**
 * The short form for a resource the room names: name, category, services, address, phone, note, start year.
 * Every keystroke goes to the store (and from there to IndexedDB), so a closed tab keeps what was typed.
 */
export function WorkshopForm() {
  const { t, label } = useOfficeTranslation();
  const open = useAppStore((s) => s.workshopDraft);
  const categories = useAppStore(selectCategories);
  const serviceTags = useAppStore(selectServiceTags);
  const updateDraft = useAppStore((s) => s.updateDraft);
  const cancelDraft = useAppStore((s) => s.cancelDraft);
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  // Focus the name when the form opens, or switches to another record.
  const focusKey = open ? `${open.mode}:${open.id ?? ''}` : '';

  useEffect(() => {
    if (focusKey) nameRef.current?.focus();
  }, [focusKey]);

  if (!open) return null;
  const { draft, problems } = open;
  const problemFor = (field: 'name' | 'category' | 'startYear') =>
    problems.find((p) => PROBLEM_FIELD[p] === field);
  const errorId = (field: string) => `${id}-${field}-error`;
  const fieldProps = (field: 'name' | 'category' | 'startYear') => {
    const problem = problemFor(field);
    return problem ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {};
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const left = saveDraft();
    const first = left[0];
    if (first) document.getElementById(`${id}-${PROBLEM_FIELD[first]}`)?.focus();
  };
  const heading = open.mode === 'add' ? t('workshop.form.addTitle') : t('workshop.form.editTitle');

  return (
    <div
      className="workshop-form"
      data-shortcuts="off"
      role="dialog"
      aria-labelledby={`${id}-title`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          cancelDraft();
        }
      }}
    >
      <form onSubmit={onSubmit} noValidate>
        <h2 id={`${id}-title`} className="workshop-form__title">
          {heading}
        </h2>
        {open.mode === 'add' && open.position && (
          <p className="workshop-form__where">
            {t('workshop.form.where', { lat: open.position[0].toFixed(5), lng: open.position[1].toFixed(5) })}
          </p>
        )}
        <label htmlFor={`${id}-name`}>{t('workshop.form.name')}</label>
        <input
          id={`${id}-name`}
          ref={nameRef}
          value={draft.name}
          autoComplete="off"
          onChange={(e) => updateDraft({ name: e.target.value })}
          {...fieldProps('name')}
        />
        {problemFor('name') && (
          <p id={errorId('name')} className="field-error">
            {t('workshop.problem.name-required')}
          </p>
        )}
        <label htmlFor={`${id}-category`}>{t('workshop.form.category')}</label>
        <select
          id={`${id}-category`}
          value={draft.category}
          onChange={(e) => updateDraft({ category: e.target.value })}
          {...fieldProps('category')}
        >
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {label(c.label)}
            </option>
          ))}
        </select>
        <fieldset className="workshop-form__services">
          <legend>{t('workshop.form.services')}</legend>
          <div className="chip-row">
            {serviceTags.map((tag) => (
              <label key={tag.id} className="chip">
                <input
                  type="checkbox"
                  checked={draft.services.includes(tag.id)}
                  onChange={(e) =>
                    updateDraft({
                      services: e.target.checked
                        ? [...draft.services, tag.id]
                        : draft.services.filter((s) => s !== tag.id),
                    })
                  }
                />
                {label(tag.label)}
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor={`${id}-address`}>{t('workshop.form.address')}</label>
        <input
          id={`${id}-address`}
          value={draft.address}
          autoComplete="off"
          onChange={(e) => updateDraft({ address: e.target.value })}
        />
        <label htmlFor={`${id}-phone`}>{t('workshop.form.phone')}</label>
        <input
          id={`${id}-phone`}
          type="tel"
          value={draft.phone}
          autoComplete="off"
          onChange={(e) => updateDraft({ phone: e.target.value })}
        />
        <label htmlFor={`${id}-note`}>{t('workshop.form.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={draft.note}
          onChange={(e) => updateDraft({ note: e.target.value })}
        />
        <label htmlFor={`${id}-startYear`}>{t('workshop.form.startYear')}</label>
        <input
          id={`${id}-startYear`}
          inputMode="numeric"
          value={draft.startYear}
          placeholder={t('workshop.form.startYearHint')}
          autoComplete="off"
          onChange={(e) => updateDraft({ startYear: e.target.value })}
          {...fieldProps('startYear')}
        />
        {problemFor('startYear') && (
          <p id={errorId('startYear')} className="field-error">
            {t('workshop.problem.start-year-invalid')}
          </p>
        )}
        <p className="muted workshop-form__saved-note">{t('workshop.form.autosaved')}</p>
        <div className="workshop-form__actions">
          <button type="submit" className="button-primary">
            {t('workshop.form.save')}
          </button>
          <button type="button" className="button-secondary" onClick={cancelDraft}>
            {t('workshop.form.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
