import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShareActions } from '../../src/components/share-actions.tsx';

const URL_TO_SHARE = 'https://map.example.org/?id=chiayi-wc-minxiong';

afterEach(() => {
  Reflect.deleteProperty(navigator, 'share');
});

describe('ShareActions', () => {
  it('opens the phone’s share sheet where there is one', async () => {
    const share = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'share', { configurable: true, value: share });
    render(<ShareActions title="民雄中心" url={URL_TO_SHARE} label="分享" />);
    await userEvent.setup().click(screen.getByRole('button', { name: '分享' }));
    expect(share).toHaveBeenCalledWith({ title: '民雄中心', text: '民雄中心', url: URL_TO_SHARE });
  });

  it('copies the link where there is no share sheet, and says so', async () => {
    const user = userEvent.setup();
    render(<ShareActions title="民雄中心" url={URL_TO_SHARE} label="分享" />);
    await user.click(screen.getByRole('button', { name: '複製連結' }));
    expect(await navigator.clipboard.readText()).toBe(URL_TO_SHARE);
    expect(screen.getByRole('status')).toHaveTextContent('已複製連結。');
  });

  it('shows the link to copy by hand when the clipboard refuses', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    render(<ShareActions title="民雄中心" url={URL_TO_SHARE} label="分享" />);
    await user.click(screen.getByRole('button', { name: '複製連結' }));
    expect(screen.getByRole('status')).toHaveTextContent('無法自動複製');
    expect(screen.getByRole('textbox', { name: '連結' })).toHaveValue(URL_TO_SHARE);
  });

  it('always offers LINE, with the title and the link in the message', () => {
    render(<ShareActions title="民雄中心" url={URL_TO_SHARE} label="分享" />);
    const href = screen.getByRole('link', { name: '用 LINE 傳送' }).getAttribute('href') ?? '';
    expect(href.startsWith('https://line.me/R/share?text=')).toBe(true);
    expect(decodeURIComponent(href.split('text=')[1] ?? '')).toBe(`民雄中心\n${URL_TO_SHARE}`);
  });
});
