import { Suspense, useState } from 'react';
import { AfterPaint } from '../components/after-paint.tsx';
import { ChunkErrorBoundary } from '../components/chunk-error-boundary.tsx';
import { lazyPart, useLazyPart } from '../components/lazy-part.ts';
import { ResourceDetail } from '../features/detail/resource-detail.tsx';
import { EditForm } from '../features/edit/edit-form-gate.tsx';
import { EditHistoryBar } from '../features/edit/edit-history-bar-gate.tsx';
import { ExportButton } from '../features/export/export-button.tsx';
import { ExportDialog } from '../features/export/export-dialog-gate.tsx';
import { FilterPanel } from '../features/filters/filter-panel.tsx';
import { DataLinkDialog } from '../features/import/data-link-dialog.tsx';
import { DataLinkNotice } from '../features/import/data-link-notice.tsx';
import { DropZone } from '../features/import/drop-zone.tsx';
import { ImportPanel } from '../features/import/import-panel.tsx';
import { ImportProgress } from '../features/import/import-progress-gate.tsx';
import { ImportReport } from '../features/import/import-report-dialog-gate.tsx';
import { InternalDataNotice } from '../features/import/internal-data-notice-gate.tsx';
import { MappingDialog } from '../features/import/mapping-dialog-gate.tsx';
import { SaveNotice } from '../features/import/save-notice-gate.tsx';
import { AnalysisButton } from '../features/inventory/analysis-button.tsx';
import { AnalysisPanel } from '../features/inventory/analysis-panel-gate.tsx';
import { ResourceList } from '../features/list/resource-list.tsx';
import { ResultCount } from '../features/list/result-count.tsx';
import { LoadReport } from '../features/load-report/load-report.tsx';
import { NearbyPanel } from '../features/nearby/nearby-panel.tsx';
import { NearbySummary } from '../features/nearby/nearby-summary.tsx';
import { HelpButton } from '../features/presentation/help-button.tsx';
import { HelpOverlay } from '../features/presentation/help-overlay-gate.tsx';
import { PresentationButton } from '../features/presentation/presentation-button.tsx';
import { PresentationLegend } from '../features/presentation/presentation-legend.tsx';
import { QrButton } from '../features/presentation/qr-button.tsx';
import { QrOverlay } from '../features/presentation/qr-overlay.tsx';
import { SnapshotButton } from '../features/presentation/snapshot-button.tsx';
import { YearSlider } from '../features/presentation/year-slider.tsx';
import { PrintView } from '../features/print/print-view-gate.tsx';
import { SharedMapPanel } from '../features/shared-map/shared-map-panel-gate.tsx';
import { WorkshopForm } from '../features/workshop/workshop-form-gate.tsx';
import { WorkshopPanel } from '../features/workshop/workshop-panel-gate.tsx';
import { WorkshopToggle } from '../features/workshop/workshop-toggle.tsx';
import { useTranslation } from '../i18n/use-translation.ts';
import { useAppStore } from '../store/app-store.ts';
import { AppEffects } from './app-effects.tsx';
import { HotlinesButton } from './hotlines-button.tsx';
import { LanguageMenu } from './language-menu.tsx';
import { LoadStatus } from './load-status.tsx';
import { MapLoading } from './map-loading.tsx';
import { NewVersionBanner } from './new-version-banner.tsx';
import { OfficeWorkspaceNotice, OfficeWorkspaceToggle } from './office-workspace-toggle.tsx';
import { OfflineNotice } from './offline-notice.tsx';
import { PhoneMenuToggle } from './phone-menu-toggle.tsx';
import { PhoneViewSwitch } from './phone-view-switch.tsx';
import { RecordActions } from './record-actions.tsx';
import { SampleDataNotice } from './sample-data-notice.tsx';
import { ShareView } from './share-view.tsx';
import { ShowResultsButton } from './show-results-button.tsx';
import { usePhoneView } from './use-phone-view.ts';

// Leaflet and the map layers load as their own chunk: search, filters and the list are usable first. Leaflet is
// evaluated first, in a task of its own, then the map's components (react-leaflet and the layers).
const mapArea = lazyPart(() =>
  import('leaflet').then(() => import('./map-area.tsx')).then((m) => ({ default: m.MapArea })),
);

/** The page: header, filters, map, results and detail. */
export function App() {
  const { t } = useTranslation();
  const presenting = useAppStore((s) => s.presenting);
  const analysisOpen = useAppStore((s) => s.analysisOpen);
  const [phoneView, setPhoneView] = usePhoneView();
  const [menuOpen, setMenuOpen] = useState(false);
  const [MapArea, retryMap] = useLazyPart(mapArea);
  // "Change place": the near-me panel (its own screen on a phone), with focus on its heading.
  const showNearbyPanel = () => {
    setPhoneView('find');
    setTimeout(() => document.getElementById('nearby-heading')?.focus(), 0);
  };
  return (
    <div className="app" data-presentation={presenting ? 'true' : undefined}>
      <AppEffects />
      {/* biome-ignore lint/a11y/useValidAnchor: a real skip link (it moves to #results); on phones it also shows the list screen */}
      <a className="skip-link" href="#results" onClick={() => setPhoneView('list')}>
        {t('app.skipToList')}
      </a>
      <header className="app-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="app-subtitle">{t('app.subtitle')}</p>
        </div>
        <div id="header-tools" className="header-tools" data-menu-open={menuOpen ? 'true' : undefined}>
          <PhoneMenuToggle open={menuOpen} controls="header-tools" onToggle={setMenuOpen} />
          <PresentationButton />
          <QrButton />
          <HelpButton />
          <AnalysisButton />
          <WorkshopToggle />
          <SnapshotButton />
          <OfficeWorkspaceToggle />
          <HotlinesButton />
          <LanguageMenu />
        </div>
      </header>
      <OfficeWorkspaceNotice />
      <DataLinkNotice />
      <SampleDataNotice />
      <InternalDataNotice />
      <SaveNotice />
      <OfflineNotice />
      <NewVersionBanner />
      <PhoneViewSwitch view={phoneView} onChange={setPhoneView} />
      <LoadStatus />
      <main
        className="app-main"
        data-phone-view={phoneView}
        data-analysis={analysisOpen ? 'true' : undefined}
      >
        <aside className="sidebar">
          <SharedMapPanel />
          <WorkshopPanel />
          <NearbyPanel />
          {/* The rest of the sidebar comes a frame later: the first screen's layout is two short tasks. */}
          <AfterPaint>
            <FilterPanel />
            <YearSlider />
            <ShareView />
            <LoadReport />
            <ImportPanel />
            <ExportButton />
          </AfterPaint>
          <ShowResultsButton onShow={() => setPhoneView('list')} />
        </aside>
        <ChunkErrorBoundary onRetry={retryMap} className="map-panel">
          <Suspense fallback={<MapLoading />}>
            <MapArea />
          </Suspense>
        </ChunkErrorBoundary>
        <PresentationLegend />
        <AnalysisPanel />
        <section id="results" className="results-panel" aria-labelledby="results-heading" tabIndex={-1}>
          <h2 id="results-heading" className="visually-hidden">
            {t('results.listLabel')}
          </h2>
          <NearbySummary onChange={showNearbyPanel} />
          <ResultCount />
          <EditHistoryBar />
          <ResourceDetail actions={(resource) => <RecordActions resource={resource} />} />
          <ResourceList />
        </section>
      </main>
      <WorkshopForm />
      <QrOverlay />
      <HelpOverlay />
      <DropZone />
      <ImportProgress />
      <MappingDialog />
      <DataLinkDialog />
      <ImportReport />
      <EditForm />
      <ExportDialog />
      <PrintView />
    </div>
  );
}
