import { describe, expect, it } from 'vitest';
import { oneCheckAtATime } from '../../src/store/one-check-at-a-time.ts';

/** A check that waits until the test lets it finish, noting whether it was the last asked for. */
function gatedChecks(ended = () => false) {
  const answers: boolean[] = [];
  const finishers: (() => void)[] = [];
  const checks = oneCheckAtATime(async (isLast) => {
    await new Promise<void>((resolve) => finishers.push(resolve));
    answers.push(isLast());
  }, ended);
  /** Lets the oldest check under way finish, and what follows it start. */
  const finishNext = async () => {
    finishers.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { checks, answers, finishers, finishNext };
}

describe('oneCheckAtATime', () => {
  it('runs one check at a time, and one more for all asked for meanwhile', async () => {
    const { checks, answers, finishers, finishNext } = gatedChecks();
    const first = checks.request();
    expect(checks.running()).toBe(true);
    // Asked for three times during the first: they resolve at once, and one check follows.
    await Promise.all([checks.request(), checks.request(), checks.request()]);
    expect(finishers).toHaveLength(1);
    await finishNext();
    // The first was not the last asked for: its answer is superseded.
    expect(answers).toEqual([false]);
    expect(finishers).toHaveLength(1);
    await finishNext();
    await first;
    expect(answers).toEqual([false, true]);
    expect(checks.running()).toBe(false);
  });

  it('checks no more once ended', async () => {
    let ended = false;
    const { checks, answers, finishers, finishNext } = gatedChecks(() => ended);
    const first = checks.request();
    void checks.request();
    ended = true;
    await finishNext();
    await first;
    expect(answers).toEqual([false]);
    expect(finishers).toHaveLength(0);
    await checks.request();
    expect(finishers).toHaveLength(0);
    expect(checks.running()).toBe(false);
  });

  it('takes checks again after one threw', async () => {
    let calls = 0;
    const checks = oneCheckAtATime(
      async () => {
        calls++;
        if (calls === 1) throw new Error('storage threw');
      },
      () => false,
    );
    await expect(checks.request()).rejects.toThrow('storage threw');
    expect(checks.running()).toBe(false);
    await checks.request();
    expect(calls).toBe(2);
  });
});
