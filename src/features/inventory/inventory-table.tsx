import { CategorySymbol } from '../../components/category-symbol.tsx';
import { downloadCsv, fileNameOf, todayIso } from '../../components/download-file.ts';
import type { InventorySortKey } from '../../domain/analysis/inventory.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories } from '../../store/data/derived.ts';
import { selectInventory, selectSortedInventoryRows } from '../../store/workshop/workshop-derived.ts';

const sameKey = (a: InventorySortKey, b: InventorySortKey) =>
  a.kind === b.kind && (a.kind !== 'category' || (b.kind === 'category' && a.id === b.id));

/**
 * The resource inventory (資源盤點): a township × category table of what is on show, sortable by any column,
 * with the townships that have none of a category marked as gaps; downloadable as CSV.
 */
export function InventoryTable() {
  const { t, label, language } = useOfficeTranslation();
  const inventory = useAppStore(selectInventory);
  const rows = useAppStore(selectSortedInventoryRows);
  const sort = useAppStore((s) => s.inventorySort);
  const setSort = useAppStore((s) => s.setInventorySort);
  const categories = useAppStore(selectCategories);
  const county = useAppStore((s) => s.filters.county);
  const categoryLabel = (id: string) => {
    const c = categories.find((x) => x.id === id);
    return c ? label(c.label) : id;
  };
  const number = (n: number) => formatNumber(language, n);
  const ariaSort = (key: InventorySortKey) =>
    sameKey(sort.key, key) ? (sort.descending ? 'descending' : 'ascending') : undefined;
  const sortButton = (key: InventorySortKey, text: string) => (
    <button type="button" className="sort-button" onClick={() => setSort(key)}>
      {text}
      <span aria-hidden="true" className="sort-button__arrow">
        {sameKey(sort.key, key) ? (sort.descending ? ' ▼' : ' ▲') : ''}
      </span>
    </button>
  );
  const exportCsv = async () => {
    const { inventoryToCsv } = await import('../../domain/files/inventory-csv.ts');
    downloadCsv(
      fileNameOf([t('inventory.fileName'), county, todayIso()], 'csv'),
      inventoryToCsv(inventory, rows, {
        category: categoryLabel,
        county: t('inventory.county'),
        town: t('inventory.town'),
        total: t('inventory.total'),
        unknownTown: t('inventory.unknownTown'),
      }),
    );
  };

  return (
    <div className="inventory">
      <div className="analysis-toolbar">
        <p className="inventory__summary">
          {t('inventory.summary', { places: number(rows.length), total: number(inventory.total) })}
        </p>
        <button type="button" className="button-secondary" onClick={exportCsv}>
          {t('inventory.exportCsv')}
        </button>
      </div>
      <div className="inventory__scroll">
        <table className="inventory-table">
          <caption className="visually-hidden">{t('inventory.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort({ kind: 'place' })}>
                {sortButton({ kind: 'place' }, t('inventory.place'))}
              </th>
              {inventory.categories.map((id) => (
                <th key={id} scope="col" aria-sort={ariaSort({ kind: 'category', id })}>
                  <CategorySymbol category={categories.find((c) => c.id === id)} />
                  {sortButton({ kind: 'category', id }, categoryLabel(id))}
                </th>
              ))}
              <th scope="col" aria-sort={ariaSort({ kind: 'total' })}>
                {sortButton({ kind: 'total' }, t('inventory.total'))}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.county}|${row.town}`}>
                <th scope="row">
                  <span className="inventory-table__county">{row.county}</span>{' '}
                  {row.town || t('inventory.unknownTown')}
                </th>
                {inventory.categories.map((id) => {
                  const n = row.counts[id] ?? 0;
                  return n === 0 && row.town ? (
                    <td key={id} className="inventory-gap">
                      0<span className="visually-hidden">{t('inventory.gap')}</span>
                    </td>
                  ) : (
                    <td key={id}>{number(n)}</td>
                  );
                })}
                <td className="inventory-table__total">{number(row.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('inventory.total')}</th>
              {inventory.categories.map((id) => (
                <td key={id}>{number(inventory.totals[id] ?? 0)}</td>
              ))}
              <td className="inventory-table__total">{number(inventory.total)}</td>
            </tr>
            <tr className="inventory-table__gaps">
              <th scope="row">{t('inventory.gapRow')}</th>
              {inventory.categories.map((id) => (
                <td key={id}>{number(inventory.gaps[id] ?? 0)}</td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
