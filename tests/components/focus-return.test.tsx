import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HelpButton } from '../../src/features/presentation/help-button.tsx';
import { HelpOverlay } from '../../src/features/presentation/help-overlay-gate.tsx';
import { QrButton } from '../../src/features/presentation/qr-button.tsx';
import { QrOverlay } from '../../src/features/presentation/qr-overlay.tsx';
import { useAppStore } from '../../src/store/app-store.ts';
import { renderWithData } from './fixtures.ts';

describe('focus goes back to where it came from when an overlay closes', () => {
  it.each([
    ['help', /^快捷鍵/, () => <HelpOverlay />, HelpButton],
    ['QR code', /QR code/, () => <QrOverlay />, QrButton],
  ] as const)('%s', async (_, buttonName, Overlay, Button) => {
    const { user } = renderWithData(
      <>
        <Button />
        <Overlay />
      </>,
    );
    const opener = screen.getByRole('button', { name: buttonName });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    act(() => useAppStore.getState().setOverlay('none'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });
});
