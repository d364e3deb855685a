import { useAppStore } from '../store/app-store.ts';

const WORKSPACE_KEY = 'crm.workspace';

/** Enters the office workspace on this device if it was entered last time (residents never see it otherwise). */
export function applyRememberedWorkspace(): void {
  let remembered: string | null = null;
  try {
    remembered = window.localStorage.getItem(WORKSPACE_KEY);
  } catch {
    // Storage disabled: the page starts as the resident view.
  }
  if (remembered === 'office') useAppStore.getState().setOfficeWorkspace(true);
}

/** Enters or leaves the office workspace, and remembers the choice on this device. */
export function setOfficeWorkspace(on: boolean): void {
  useAppStore.getState().setOfficeWorkspace(on);
  try {
    if (on) window.localStorage.setItem(WORKSPACE_KEY, 'office');
    else window.localStorage.removeItem(WORKSPACE_KEY);
  } catch {
    // Storage disabled: the workspace lasts until the page is reloaded.
  }
}
