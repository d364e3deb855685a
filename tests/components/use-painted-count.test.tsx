import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePaintedCount } from '../../src/components/use-painted-count.ts';

function Rows({ total, step }: { total: number; step: number }) {
  const count = usePaintedCount(total, step);
  return (
    <ul aria-label="列">
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the rows are their positions
        <li key={i}>第 {i + 1} 列</li>
      ))}
    </ul>
  );
}

const rows = () => screen.queryAllByRole('listitem').length;
/** One frame painted, then the task after it. */
async function paintFrame() {
  act(() => vi.advanceTimersToNextFrame());
  await act(() => vi.runOnlyPendingTimersAsync());
}

describe('usePaintedCount', () => {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    { total: 100, step: 20, counts: [20, 40, 60, 80, 100, 100] },
    { total: 45, step: 20, counts: [20, 40, 45, 45] },
    { total: 7, step: 20, counts: [7, 7] },
    { total: 0, step: 20, counts: [0, 0] },
  ])('renders $step more after each painted frame, up to $total', async ({ total, step, counts }) => {
    render(<Rows total={total} step={step} />);
    const seen = [rows()];
    for (let i = 1; i < counts.length; i++) {
      await paintFrame();
      seen.push(rows());
    }
    expect(seen).toEqual(counts);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits for the frame to be painted, not just for its callback', () => {
    render(<Rows total={50} step={20} />);
    act(() => vi.advanceTimersToNextFrame());
    expect(rows()).toBe(20);
  });

  it('leaves nothing pending when it goes away midway', async () => {
    const { unmount } = render(<Rows total={100} step={20} />);
    await paintFrame();
    expect(rows()).toBe(40);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
