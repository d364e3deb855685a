import './list.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Suspense, useDeferredValue, useEffect, useRef } from 'react';
import { ChunkErrorBoundary } from '../../components/chunk-error-boundary.tsx';
import { HotlineLinks } from '../../components/hotline-links.tsx';
import { lazyPart, useLazyPart } from '../../components/lazy-part.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { indexOfId } from '../../domain/query/dataset.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useAppStore } from '../../store/app-store.ts';
import { selectCategories, selectDataset, selectFilterResult } from '../../store/data/derived.ts';
import { selectResidentConfig } from '../../store/nearby/nearby-selectors.ts';
import { ResourceListItem } from './resource-list-item.tsx';

const nothingFound = lazyPart(() => import('./nothing-found.tsx').then((m) => ({ default: m.NothingFound })));

/** The results as a virtualised list: a complete alternative to the map, in the same order and filter. */
export function ResourceList() {
  const { t } = useTranslation();
  // Deferred: the count and the map update first; the list (100,000 rows to place) follows in a render React
  // may interrupt, so that neither a keystroke nor the data landing waits for it.
  const index = useDeferredValue(useAppStore(selectDataset));
  const visible = useDeferredValue(useAppStore((s) => selectFilterResult(s).visible));
  const categories = useAppStore(selectCategories);
  const selectedId = useAppStore((s) => s.selectedId);
  const selectionOrigin = useAppStore((s) => s.selectionOrigin);
  const select = useAppStore((s) => s.select);
  const hotlines = useAppStore((s) => selectResidentConfig(s).hotlines);
  // While the data downloads the page says so (app.loading); "no results" would say the filters found none.
  const loading = useAppStore((s) => s.status === 'loading');
  const scrollRef = useRef<HTMLDivElement>(null);
  const [NothingFound, retryNothingFound] = useLazyPart(nothingFound);

  const rowHeights = useRef(new RowHeights());
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    // The usual row's measured height: a row that measures as estimated costs nothing, while each one that
    // differs makes the virtualiser recompute every row's position (100,000 of them).
    estimateSize: () => rowHeights.current.usual(),
    measureElement: (element, entry, instance) => {
      // Called when a row mounts (no entry) and again by a ResizeObserver after layout (with one). Reading the
      // height on mount would force a layout inside the keystroke that re-rendered the list: the row keeps
      // the size known for it (or the usual one) until the observer reports. Without ResizeObserver, read it.
      if (!entry && typeof ResizeObserver !== 'undefined') {
        const key = instance.options.getItemKey(instance.indexFromElement(element));
        return instance.itemSizeCache.get(key) ?? rowHeights.current.usual();
      }
      const size = entry?.borderBoxSize?.[0]?.blockSize ?? (element as HTMLElement).offsetHeight;
      rowHeights.current.add(size);
      return Math.round(size);
    },
    overscan: 8,
  });

  useEffect(() => {
    if (!selectedId || selectionOrigin === 'list') return;
    const position = indexOfId(index, selectedId);
    const at = position < 0 ? -1 : visible.indexOf(position);
    if (at >= 0) virtualizer.scrollToIndex(at, { align: 'center' });
  }, [selectedId, selectionOrigin, visible, index, virtualizer]);

  if (visible.length === 0) {
    if (loading) return null;
    const none = <p className="empty-results">{t('results.none')}</p>;
    return (
      <div className="result-scroll">
        <ChunkErrorBoundary onRetry={retryNothingFound}>
          <Suspense fallback={none}>
            <NothingFound hotlines={<HotlineLinks hotlines={hotlines} />} />
          </Suspense>
        </ChunkErrorBoundary>
      </div>
    );
  }
  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} className="result-scroll" data-testid="result-scroll">
      <ul
        aria-label={t('results.listLabel')}
        className="result-list"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const resource = index.resources[visible[item.index] ?? -1] as Resource | undefined;
          if (!resource) return null;
          return (
            <li
              key={resource.id}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-setsize={visible.length}
              aria-posinset={item.index + 1}
              className="result-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ResourceListItem
                resource={resource}
                category={categories.find((c) => c.id === resource.category)}
                selected={resource.id === selectedId}
                onSelect={(id) => select(id, 'list')}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The most common of the recently measured row heights (one-line rows, at the current text size). */
class RowHeights {
  private readonly recent: number[] = [];
  private mode = 90;

  add(size: number) {
    if (!(size > 0)) return; // not laid out (hidden, or no layout engine)
    this.recent.push(Math.round(size));
    if (this.recent.length > 24) this.recent.shift();
    const counts = new Map<number, number>();
    for (const h of this.recent) counts.set(h, (counts.get(h) ?? 0) + 1);
    let best = 0;
    for (const [h, n] of counts) {
      if (n > best) {
        best = n;
        this.mode = h;
      }
    }
  }

  usual() {
    return this.mode;
  }
}
