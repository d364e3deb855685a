/** Asks for checks, and tells whether one is under way. */
export interface Checks {
  /** Asks for a check; resolves once the checks it ran are done (at once when one was under way). */
  request(): Promise<void>;
  running(): boolean;
}

/**
 * Runs `check` one at a time, however often one is asked for (storage read back after every change): asked for
 * while one runs, one more follows it, once for all asked meanwhile. `isLast` tells a check whether none was asked
 * for since it started (its answer is then the one to show). `ended` stops the checks, before each (the page
 * stopped, or storage was closed).
 */
export function oneCheckAtATime(
  check: (isLast: () => boolean) => Promise<void>,
  ended: () => boolean,
): Checks {
  let running = false;
  let again = false;
  const isLast = () => !again;
  return {
    request: async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          if (ended()) break;
          await check(isLast);
        } while (again);
      } finally {
        running = false;
      }
    },
    running: () => running,
  };
}
