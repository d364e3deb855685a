import { vi } from 'vitest';
import { useAppStore } from '../../src/store/app-store.ts';
import { selectSaveStatus } from '../../src/store/import/import-derived.ts';

const AT_REST = ['saved', 'failed', 'unsaved'];

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Until every tab's saving has come to rest (saved, failed or waiting for the person), with a moment for messages
 * between tabs: on a loaded machine a fixed wait is sometimes too short for the write, the read-back and the
 * status to follow each other.
 */
export async function settle(...stores: (typeof useAppStore)[]): Promise<void> {
  await pause(20);
  await vi.waitFor(
    () => {
      for (const s of stores.length > 0 ? stores : [useAppStore])
        if (!AT_REST.includes(selectSaveStatus(s.getState())))
          throw new Error(selectSaveStatus(s.getState()));
    },
    { timeout: 5_000, interval: 10 },
  );
  await pause(20);
}
