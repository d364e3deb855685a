import { type FormEvent, useId, useState } from 'react';
import { Modal } from '../../components/modal.tsx';
import type { Resource } from '../../domain/model/resource.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories } from '../../store/data/derived.ts';
import {
  addSharedRecord,
  proposeRecord,
  saveSharedRecord,
} from '../../store/shared-map/shared-map-actions.ts';

/**
 * Corrects a record of the shared map, or adds one to this link's own document. What is saved goes through the
 * document and is read back through the import's validation, as every peer reads it.
 */
export function SharedRecordForm({
  record,
  onClose,
  mode = record ? 'edit' : 'add',
}: {
  record: Resource | null;
  onClose: () => void;
  /** `propose`: a workshop table's proposal instead of a record of the link's own document. */
  mode?: 'edit' | 'add' | 'propose';
}) {
  const { t, label } = useOfficeTranslation();
  const id = useId();
  const categories = useAppStore(selectCategories);
  const ownLabel = useAppStore((s) =>
    s.sharedSession ? (s.sharedDocs[s.sharedSession.own]?.label ?? '') : '',
  );
  const table = useAppStore((s) => s.sharedTable);
  const [name, setName] = useState(record?.name ?? '');
  const [category, setCategory] = useState(record?.category ?? categories[0]?.id ?? '');
  const [address, setAddress] = useState(record?.address ?? '');
  const [phone, setPhone] = useState(record?.phones.join('；') ?? '');
  const [description, setDescription] = useState(record?.description ?? '');
  const [error, setError] = useState('');

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError(t('shared.form.nameRequired'));
      return;
    }
    const phones = phone
      .split(/[；;、]/)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const fields = { name: name.trim(), category, address: address.trim(), phones };
    const withDescription = description.trim() === '' ? {} : { description: description.trim() };
    if (record) {
      const { description: _old, ...rest } = record;
      const addressChanged = fields.address !== record.address;
      saveSharedRecord({
        ...rest,
        ...fields,
        ...withDescription,
        // A new address is placed again from the address (its township), as an import would.
        ...(addressChanged ? { county: '', town: '', position: null, precision: 'missing' as const } : {}),
      });
    } else {
      (mode === 'propose' ? proposeRecord : addSharedRecord)({
        id: `shared-${crypto.randomUUID()}`,
        ...fields,
        ...withDescription,
        services: [],
        county: '',
        town: '',
        position: null,
        precision: 'missing',
        source: ownLabel,
        visibility: 'public',
        extra: {},
      });
    }
    onClose();
  };

  return (
    <Modal
      title={
        record
          ? t('shared.form.editTitle', { name: record.name })
          : mode === 'propose'
            ? t('shared.form.proposeTitle', { table })
            : t('shared.form.addTitle', { label: ownLabel })
      }
      onClose={onClose}
      closeLabel={t('shared.form.cancel')}
    >
      <form className="shared-form" onSubmit={save} noValidate>
        <label htmlFor={`${id}-name`}>{t('shared.form.name')}</label>
        <input
          id={`${id}-name`}
          data-autofocus
          value={name}
          required
          aria-invalid={error !== '' ? true : undefined}
          aria-describedby={error !== '' ? `${id}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {error !== '' && (
          <p id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
        <label htmlFor={`${id}-category`}>{t('shared.form.category')}</label>
        <select id={`${id}-category`} value={category} onChange={(e) => setCategory(e.target.value)}>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {label(c.label)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-address`}>{t('shared.form.address')}</label>
        <input id={`${id}-address`} value={address} onChange={(e) => setAddress(e.target.value)} />
        <label htmlFor={`${id}-phone`}>{t('shared.form.phone')}</label>
        <input id={`${id}-phone`} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        <label htmlFor={`${id}-description`}>{t('shared.form.description')}</label>
        <textarea
          id={`${id}-description`}
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <div className="shared-panel__row">
          <button type="button" className="button-secondary" onClick={onClose}>
            {t('shared.form.cancel')}
          </button>
          <button type="submit" className="button-primary">
            {t('shared.form.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
