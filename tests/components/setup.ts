import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initialAppState, useAppStore } from '../../src/store/app-store.ts';

afterEach(() => {
  cleanup();
  // Every test starts from a fresh page's store (the `true` replaces the state, dropping anything a test added).
  useAppStore.setState(initialAppState, true);
});
