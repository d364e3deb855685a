import { type ComponentProps, type ComponentType, type ReactNode, useEffect, useState } from 'react';
import { loadOfficeCatalogue } from '../i18n/load-catalogue.ts';
import { useAppStore } from '../store/app-store.ts';
import { type AnyComponent, type LazyPart, lazyPart } from './lazy-part.ts';

/**
 * Shows its children — tools that speak through `useOfficeTranslation` — once the tools' catalogue of the
 * language on show is in the store, loading it the first time (and again after a change of language that did not
 * bring it); nothing is shown meanwhile, as a lazy part shows nothing while its chunk loads. A catalogue that
 * cannot be loaded fails like a chunk: the part's boundary (`ChunkErrorBoundary`, `WhenOpen`) says so and retries.
 */
export function OfficeCatalogue({ children }: { readonly children: ReactNode }) {
  const language = useAppStore((s) => s.language);
  const ready = useAppStore((s) => s.officeMessages?.language === s.language);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (ready) return;
    let current = true;
    loadOfficeCatalogue(language).then(
      (messages) => useAppStore.getState().setOfficeMessages(language, messages),
      (error: unknown) => {
        if (current) setFailure(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      current = false;
    };
  }, [ready, language]);
  if (failure) throw failure;
  return ready ? children : null;
}

/**
 * Declares a tool loaded on demand (`lazyPart`) whose words are in the tools' catalogue: the part's code and the
 * catalogue of the language on show are fetched together, and the part shows inside `OfficeCatalogue` (which
 * fetches the catalogue again only if the language changed without it).
 */
export function officePart<T extends AnyComponent>(load: () => Promise<{ default: T }>): LazyPart<T> {
  return lazyPart(async () => {
    const language = useAppStore.getState().language;
    const [module, messages] = await Promise.all([load(), loadOfficeCatalogue(language)]);
    useAppStore.getState().setOfficeMessages(language, messages);
    const Part: ComponentType<ComponentProps<T>> = module.default;
    // biome-ignore lint/correctness/noComponentHookFactories: made once per load of the part (React.lazy keeps it), not per render
    const InCatalogue = (props: ComponentProps<T>) => (
      <OfficeCatalogue>
        <Part {...props} />
      </OfficeCatalogue>
    );
    // The same props as the part's: only its words' source differs.
    return { default: InCatalogue as T };
  });
}
