import { type ComponentType, type LazyExoticComponent, lazy, useCallback, useState } from 'react';

// biome-ignore lint/suspicious/noExplicitAny: React.lazy's own constraint (any component, whatever its props)
export type AnyComponent = ComponentType<any>;

/** A part of the page whose code is loaded when first shown (React.lazy), with how to load it again. */
export interface LazyPart<T extends AnyComponent> {
  readonly first: LazyExoticComponent<T>;
  readonly load: () => Promise<{ default: T }>;
}

/** Declares a part loaded on demand: `lazy(load)`, keeping `load` for a retry after a failure. */
export function lazyPart<T extends AnyComponent>(load: () => Promise<{ default: T }>): LazyPart<T> {
  return { first: lazy(load), load };
}

/**
 * The part's component and a retry. React.lazy keeps a failed load for good, so a retry is a new lazy component,
 * held in the caller's state (a gate that stays mounted); until then every caller shares `first`.
 */
export function useLazyPart<T extends AnyComponent>(
  part: LazyPart<T>,
): readonly [LazyExoticComponent<T>, () => void] {
  const [Part, setPart] = useState(() => part.first);
  const retry = useCallback(() => setPart(() => lazy(part.load)), [part]);
  return [Part, retry];
}
