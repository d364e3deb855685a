import type { Resource } from '../../domain/model/resource.ts';
import type { OpenState } from '../../domain/query/open-state.ts';

type OpenStatesFn = (resources: readonly Resource[], instant: number) => Uint8Array;
type OpenStateFn = (hours: string | undefined, instant: number) => OpenState;

let openStatesFn: OpenStatesFn | null = null;
let openStateFn: OpenStateFn | null = null;
let loading: Promise<void> | null = null;

/**
 * Loads the opening-hours engine (opening_hours is a large library, so it is its own download, fetched after
 * the page is up); load-hours-engine.ts tells the store. Until then every record reads as "hours not evaluated".
 */
export function loadEngine(): Promise<void> {
  loading ??= import('../../domain/query/opening-hours.ts').then((module) => {
    openStatesFn = module.openStates;
    openStateFn = cachedPerInstant(module.createOpenStateEvaluator());
  });
  return loading;
}

/** The evaluator of every resource at once (for the "open now" filter) once loaded, else null. */
export function hoursEngine(): OpenStatesFn | null {
  return openStatesFn;
}

/** The evaluator of one hours text (for a row or the detail) once loaded, else null. */
export function openStateEngine(): OpenStateFn | null {
  return openStateFn;
}

/** Each distinct hours text is evaluated once per instant, however many rows show it. */
function cachedPerInstant(evaluate: OpenStateFn): OpenStateFn {
  let at = Number.NaN;
  const states = new Map<string, OpenState>();
  return (hours, instant) => {
    if (instant !== at) {
      at = instant;
      states.clear();
    }
    const text = hours ?? '';
    let state = states.get(text);
    if (state === undefined) {
      state = evaluate(text, instant);
      states.set(text, state);
    }
    return state;
  };
}
