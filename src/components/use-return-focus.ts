import { useEffect } from 'react';

/**
 * While `open`, remembers what had focus when it opened, and puts focus back there when it closes (a dialog, an
 * overlay, a panel): a keyboard or screen-reader user goes on from where they were, not from the top of the page.
 * Call it before the hook that moves focus into the opened thing.
 */
export function useReturnFocus(open: boolean): void {
  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, [open]);
}
