import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ShareView } from '../../src/app/share-view.tsx';
import { useAppStore } from '../../src/store/app-store.ts';

describe('ShareView', () => {
  it('shares the view as it is now, even before the address bar has caught up with the typing', async () => {
    const user = userEvent.setup();
    render(<ShareView />);
    act(() => {
      useAppStore.getState().setQuery('民雄 日安');
      useAppStore.getState().select('chiayi-wc-minxiong', 'list');
    });
    // No URL sync runs here: the address bar still holds nothing of it.
    expect(window.location.search).toBe('');
    await user.click(screen.getByRole('button', { name: '複製連結' }));
    const copied = new URL(await navigator.clipboard.readText());
    expect(copied.searchParams.get('q')).toBe('民雄 日安');
    expect(copied.searchParams.get('id')).toBe('chiayi-wc-minxiong');
    const line = screen.getByRole('link', { name: '用 LINE 傳送' }).getAttribute('href') ?? '';
    expect(decodeURIComponent(line)).toContain('q=');
  });
});
