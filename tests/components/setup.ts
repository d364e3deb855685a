import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initialAppState, useAppStore } from '../../src/store/app-store.ts';

afterEach(() => {
  cleanup();
  // The workshop's document is the store's service, not state: the next test's store starts a new one.
  useAppStore.getState().closeWorkshopDocument();
  // Every test starts from a fresh page's store (the `true` replaces the state, dropping anything a test added).
  useAppStore.setState(initialAppState, true);
});
