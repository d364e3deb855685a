import { ResourceDetail } from '../features/detail/resource-detail.tsx';
import { FilterPanel } from '../features/filters/filter-panel.tsx';
import { ResourceList } from '../features/list/resource-list.tsx';
import { ResultCount } from '../features/list/result-count.tsx';
import { LoadReport } from '../features/load-report/load-report.tsx';
import { ResourceMap } from '../features/map/resource-map.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { SampleDataNotice } from './sample-data-notice.tsx';
import { useUrlSync } from './use-url-sync.ts';

/** The page: header, filters, map, results and detail. */
export function App() {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.status);
  const fatalError = useAppStore((s) => s.fatalError);
  useUrlSync();
  return (
    <div className="app">
      <a className="skip-link" href="#results">
        {t('app.skipToList')}
      </a>
      <header className="app-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="app-subtitle">{t('app.subtitle')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <SampleDataNotice />
      {status === 'loading' && (
        <p className="loading" role="status">
          {t('app.loading')}
        </p>
      )}
      {fatalError && (
        <p className="alert" role="alert">
          {t('app.loadFailed', { reason: fatalError })}
        </p>
      )}
      <main className="app-main">
        <aside className="sidebar">
          <FilterPanel />
          <LoadReport />
        </aside>
        <ResourceMap />
        <section id="results" className="results-panel" aria-labelledby="results-heading" tabIndex={-1}>
          <h2 id="results-heading" className="visually-hidden">
            {t('results.listLabel')}
          </h2>
          <ResultCount />
          <ResourceDetail />
          <ResourceList />
        </section>
      </main>
    </div>
  );
}
