import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AfterPaint } from '../../src/components/after-paint.tsx';

describe('AfterPaint', () => {
  it('renders its children only after a frame and the task after it', async () => {
    vi.useFakeTimers({
      toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'],
    });
    try {
      render(
        <>
          <h2>篩選</h2>
          <AfterPaint>
            <button type="button">清除篩選</button>
          </AfterPaint>
        </>,
      );
      expect(screen.getByRole('heading', { name: '篩選' })).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: '清除篩選' })).toBeNull();
      // The frame: its callback runs before the paint, so the children still wait for the task it posts.
      act(() => vi.advanceTimersToNextFrame());
      expect(screen.queryByRole('button', { name: '清除篩選' })).toBeNull();
      await act(() => vi.runOnlyPendingTimersAsync());
      expect(screen.getByRole('button', { name: '清除篩選' })).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves nothing pending when it goes away before the frame', () => {
    vi.useFakeTimers({
      toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'],
    });
    try {
      const { unmount } = render(
        <AfterPaint>
          <p>later</p>
        </AfterPaint>,
      );
      unmount();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
