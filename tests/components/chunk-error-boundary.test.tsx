import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ComponentType, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NewVersionBanner } from '../../src/app/new-version-banner.tsx';
import { lazyPart, useLazyPart } from '../../src/components/lazy-part.ts';
import { WhenOpen } from '../../src/components/when-open.tsx';
import type { Language } from '../../src/domain/model/language.ts';
import { enMessages } from '../../src/i18n/messages-en.ts';
import { idMessages } from '../../src/i18n/messages-id.ts';
import { thMessages } from '../../src/i18n/messages-th.ts';
import { viMessages } from '../../src/i18n/messages-vi.ts';
import { zhMessages } from '../../src/i18n/messages-zh.ts';
import { useAppStore } from '../../src/store/app-store.ts';

/**
 * A chunk the test can make fail: the import rejects as a browser's does when the file is gone, until the test
 * says the network is back.
 */
function flakyChunk() {
  let online = false;
  const load = vi.fn(async (): Promise<{ default: ComponentType }> => {
    if (!online) throw new TypeError('Failed to fetch dynamically imported module: /assets/part-B1x2.js');
    return { default: () => <p>The part loaded</p> };
  });
  return { load, backOnline: () => (online = true) };
}

/** A page with one lazily loaded part behind a gate (as the app's *-gate.tsx are) and something else to use. */
function Page({ part, dialog = false }: { part: ReturnType<typeof lazyPart>; dialog?: boolean }) {
  const [open, setOpen] = useState(false);
  const [count, setCount] = useState(0);
  const [Part, retry] = useLazyPart(part);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open the part
      </button>
      <button type="button" onClick={() => setCount(count + 1)}>
        Pressed {count} times
      </button>
      <WhenOpen open={open} onRetry={retry} onClose={dialog ? () => setOpen(false) : undefined}>
        <Part />
      </WhenOpen>
    </>
  );
}

beforeEach(() => {
  // React reports the error it caught; the boundary's behaviour is what these tests read.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

// Rendering a lazy part for the first time takes seconds on a busy two-core machine.
describe('a lazily loaded part whose chunk cannot be loaded', { timeout: 20_000 }, () => {
  it('says so in its place, the rest of the page keeps working, and "try again" loads it once the network is back', async () => {
    const chunk = flakyChunk();
    const user = userEvent.setup();
    render(<Page part={lazyPart(chunk.load)} />);

    await user.click(screen.getByRole('button', { name: 'Open the part' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('這個部分無法載入請重新整理以取得新版本');
    expect(screen.getByRole('button', { name: '重新整理' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Pressed 0 times' }));
    expect(screen.getByRole('button', { name: 'Pressed 1 times' })).toBeInTheDocument();

    // Still offline: trying again fails again, and says so again.
    await user.click(screen.getByRole('button', { name: '再試一次' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('請重新整理以取得新版本');
    expect(chunk.load).toHaveBeenCalledTimes(2);

    chunk.backOnline();
    await user.click(screen.getByRole('button', { name: '再試一次' }));
    expect(await screen.findByText('The part loaded')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(chunk.load).toHaveBeenCalledTimes(3);
  });

  it('a dialog part says so in a dialog of its own, which closes as the part would', async () => {
    const chunk = flakyChunk();
    const user = userEvent.setup();
    render(<Page part={lazyPart(chunk.load)} dialog />);

    await user.click(screen.getByRole('button', { name: 'Open the part' }));
    const dialog = await screen.findByRole('dialog', { name: '這個部分無法載入' });
    expect(dialog).toHaveTextContent('請重新整理以取得新版本');
    await user.click(screen.getByRole('button', { name: '關閉' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    // Opened again, still failed (React.lazy keeps the failure), and still closable: nothing is stuck open.
    await user.click(screen.getByRole('button', { name: 'Open the part' }));
    expect(await screen.findByRole('dialog', { name: '這個部分無法載入' })).toBeInTheDocument();
    expect(chunk.load).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['en', enMessages],
    ['vi', viMessages],
    ['id', idMessages],
    ['th', thMessages],
  ] as const)('speaks %s', async (language, messages) => {
    act(() => useAppStore.getState().setLanguage(language as Language, messages));
    const user = userEvent.setup();
    render(<Page part={lazyPart(flakyChunk().load)} />);
    await user.click(screen.getByRole('button', { name: 'Open the part' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(messages['version.reloadForNew']);
    expect(messages['version.reloadForNew']).not.toBe(zhMessages['version.reloadForNew']);
    expect(screen.getByRole('button', { name: messages['version.retry'] })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: messages['version.reload'] })).toBeInTheDocument();
  });
});

describe('a new version waiting for this tab', () => {
  it('is said in a status region that is there before the news, with a reload button', () => {
    render(<NewVersionBanner />);
    const status = screen.getByRole('status');
    expect(status).toBeEmptyDOMElement();
    act(() => useAppStore.getState().setNewVersionReady());
    expect(status).toHaveTextContent('有新版本可用：重新整理即可更新。');
    expect(screen.getByRole('button', { name: '重新整理' })).toBeInTheDocument();
  });

  it.each([
    ['en', enMessages],
    ['vi', viMessages],
    ['id', idMessages],
    ['th', thMessages],
  ] as const)('in %s', (language, messages) => {
    act(() => {
      useAppStore.getState().setLanguage(language as Language, messages);
      useAppStore.getState().setNewVersionReady();
    });
    render(<NewVersionBanner />);
    expect(screen.getByRole('status')).toHaveTextContent(messages['version.ready']);
    expect(messages['version.ready']).not.toBe(zhMessages['version.ready']);
    expect(screen.getByRole('button', { name: messages['version.reload'] })).toBeInTheDocument();
  });
});
