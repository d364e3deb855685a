import './inventory.css';
import { Suspense, useId } from 'react';
import { ChunkErrorBoundary } from '../../components/chunk-error-boundary.tsx';
import { lazyPart, useLazyPart } from '../../components/lazy-part.ts';
import { useReturnFocus } from '../../components/use-return-focus.ts';
import { placeKey } from '../../domain/geo/gazetteer.ts';
import { useBriefingTranslation } from '../../i18n/briefing/briefing-translate.ts';
import { useOfficeTranslation } from '../../i18n/use-office-translation.ts';
import { type AppState, useAppStore } from '../../store/app-store.ts';
import { selectCountiesWithData } from '../../store/workshop/workshop-derived.ts';
import { selectGazetteer } from '../../store/workshop/workshop-slice.ts';
import { CoverageView } from './coverage-view.tsx';
import { InventoryChart } from './inventory-chart.tsx';
import { InventoryTable } from './inventory-table.tsx';

const TABS: readonly AppState['analysisTab'][] = ['inventory', 'coverage', 'questions'];

// The briefing and the question box are loaded when first used: the panel opens without them.
const briefingView = lazyPart(() => import('./briefing-view.tsx').then((m) => ({ default: m.BriefingView })));
const questionBox = lazyPart(() => import('./question-box.tsx').then((m) => ({ default: m.QuestionBox })));

/** The township a briefing opens on: the area filter's, else the first township of the county in view. */
function briefingPlaceFor(s: AppState): { county: string; town: string } | null {
  const county = placeKey(s.filters.county);
  const town = placeKey(s.filters.town);
  if (county && town) return { county, town };
  const counties = county ? [county] : selectCountiesWithData(s);
  const first = selectGazetteer(s).townships.find((t) => counties.includes(t.county));
  return first ? { county: first.county, town: first.town } : null;
}

/** The inventory (資源盤點) and coverage panel under the map: two tabs, for the filters in force. */
export function AnalysisPanel() {
  const { t } = useOfficeTranslation();
  const { tb } = useBriefingTranslation();
  const id = useId();
  const open = useAppStore((s) => s.analysisOpen);
  const tab = useAppStore((s) => s.analysisTab);
  const setOpen = useAppStore((s) => s.setAnalysisOpen);
  useReturnFocus(open);
  const briefingOpen = useAppStore((s) => s.briefingPlace !== null);
  const canBrief = useAppStore((s) => s.townshipsStatus === 'ready' && briefingPlaceFor(s) !== null);
  const setBriefing = useAppStore((s) => s.setBriefing);
  const [BriefingView, retryBriefing] = useLazyPart(briefingView);
  const [QuestionBox, retryQuestions] = useLazyPart(questionBox);
  const tabName = (name: AppState['analysisTab']) =>
    name === 'questions' ? tb('question.tab') : t(`analysis.tab.${name}`);
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
                const step = e.key === 'ArrowRight' ? 1 : TABS.length - 1;
                const next = TABS[(TABS.indexOf(tab) + step) % TABS.length] ?? 'inventory';
                setOpen(true, next);
                document.getElementById(`${id}-tab-${next}`)?.focus();
              }}
            >
              {tabName(name)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="button-secondary"
          disabled={!canBrief}
          onClick={() => {
            const s = useAppStore.getState();
            s.setBriefing(briefingPlaceFor(s));
          }}
        >
          {tb('briefing.open')}
        </button>
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
        ) : tab === 'coverage' ? (
          <CoverageView />
        ) : (
          <ChunkErrorBoundary onRetry={retryQuestions}>
            <Suspense fallback={null}>
              <QuestionBox />
            </Suspense>
          </ChunkErrorBoundary>
        )}
      </div>
      {briefingOpen && (
        <ChunkErrorBoundary onRetry={retryBriefing} onClose={() => setBriefing(null)}>
          <Suspense fallback={null}>
            <BriefingView />
          </Suspense>
        </ChunkErrorBoundary>
      )}
    </section>
  );
}
