import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import { buildGazetteer } from '../../src/domain/geo/gazetteer.ts';
import { parseDelimitedText } from '../../src/domain/loading/parse-csv.ts';
import { useAppStore } from '../../src/store/app-store.ts';

/** A street in 民雄鄉, about 90 m from the township centre. */
export const IN_MINXIONG = { latitude: 23.5432, longitude: 120.4449 };
export const MINXIONG_CENTRE = '嘉義縣日安社會福利服務中心（民雄）';

/** The township list of data/, put in the store as the app's loader would. */
export function seedTownships(): void {
  const text = readFileSync(resolve(process.cwd(), 'data', 'tw-township-centroids.csv'), 'utf8');
  useAppStore.getState().setTownships('ready', buildGazetteer(parseDelimitedText(text).rows).townships);
}

type Answer = { position: typeof IN_MINXIONG } | { error: 1 | 2 | 3 } | 'never';

/**
 * Replaces navigator.geolocation: each request is answered as told (a position, an error code, or never).
 * Returns the mock, and a function that answers the last pending request later.
 */
export function fakeGeolocation(answer: Answer) {
  let pending: { ok: PositionCallback; fail: PositionErrorCallback | null | undefined } | null = null;
  const getCurrentPosition = vi.fn((ok: PositionCallback, fail?: PositionErrorCallback | null) => {
    if (answer === 'never') {
      pending = { ok, fail };
      return;
    }
    if ('position' in answer) ok({ coords: answer.position } as unknown as GeolocationPosition);
    else fail?.({ code: answer.error, message: 'denied' } as GeolocationPositionError);
  });
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: { getCurrentPosition } });
  return {
    getCurrentPosition,
    answerLate(position = IN_MINXIONG) {
      pending?.ok({ coords: position } as unknown as GeolocationPosition);
    },
  };
}

/** Removes navigator.geolocation, as on a browser without it. */
export function noGeolocation(): void {
  Object.defineProperty(navigator, 'geolocation', { configurable: true, value: undefined });
}
