import './inventory.css';
import { useId } from 'react';
import { useReturnFocus } from '../../components/use-return-focus.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { type AppState, useAppStore } from '../../store/app-store.ts';
import { CoverageView } from './coverage-view.tsx';
import { InventoryChart } from './inventory-chart.tsx';
import { InventoryTable } from './inventory-table.tsx';

const TABS: readonly AppState['analysisTab'][] = ['inventory', 'coverage'];

/** The inventory (資源盤點) and coverage panel under the map: two tabs, for the filters in force. */
export function AnalysisPanel() {
  const { t } = useTranslation();
  const id = useId();
  const open = useAppStore((s) => s.analysisOpen);
  const tab = useAppStore((s) => s.analysisTab);
  const setOpen = useAppStore((s) => s.setAnalysisOpen);
  useReturnFocus(open);
  if (!open) return null;
  return (
    <section className="analysis-panel" aria-labelledby={`${id}-heading`}>
      <div className="analysis-panel__head">
        <h2 id={`${id}-heading`}>{t('analysis.heading')}</h2>
        <div role="tablist" aria-labelledby={`${id}-heading`} className="analysis-tabs">
          {TABS.map((name) => (
            <button
              key={name}
              id={`${id}-tab-${name}`}
              type="button"
              role="tab"
              aria-selected={tab === name}
              aria-controls={`${id}-panel`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => setOpen(true, name)}
              onKeyDown={(e) => {
                if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length] ?? 'inventory';
                setOpen(true, next);
                document.getElementById(`${id}-tab-${next}`)?.focus();
              }}
            >
              {t(`analysis.tab.${name}`)}
            </button>
          ))}
        </div>
        <button type="button" className="button-ghost" onClick={() => setOpen(false)}>
          {t('analysis.close')}
        </button>
      </div>
      <div
        id={`${id}-panel`}
        role="tabpanel"
        aria-labelledby={`${id}-tab-${tab}`}
        className="analysis-panel__body"
      >
        {tab === 'inventory' ? (
          <div className="inventory-layout">
            <InventoryTable />
            <InventoryChart />
          </div>
        ) : (
          <CoverageView />
        )}
      </div>
    </section>
  );
}
