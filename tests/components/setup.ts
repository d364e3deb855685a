import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { zhOfficeMessages } from '../../src/i18n/office-messages-zh.ts';
import { initialAppState, useAppStore } from '../../src/store/app-store.ts';
import { closeCorrectionsDocument } from '../../src/store/import/corrections-actions.ts';
import { closeWorkshopDocument } from '../../src/store/workshop/workshop-actions.ts';

// Most tests render a tool itself, not its lazy gate: its words are in the store, as once a gate has loaded them.
// The catalogue's own loading (and a tool shown before it) is tested with `officeMessages: null`
// (office-catalogue.test.tsx); a test that switches language passes that language's tools' catalogue along.
beforeEach(() => {
  useAppStore.getState().setOfficeMessages('zh-TW', zhOfficeMessages);
});

afterEach(() => {
  cleanup();
  // The workshop's document is the store's service, not state: the next test's store starts a new one.
  closeWorkshopDocument();
  closeCorrectionsDocument();
  // Every test starts from a fresh page's store (the `true` replaces the state, dropping anything a test added).
  useAppStore.setState(initialAppState, true);
});
