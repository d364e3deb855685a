/**
 * Whether a place is open at an instant: `none` when no hours are given, `unknown` when they cannot be read or say
 * so themselves (e.g. `Mo-Fr 09:00-12:00 "預約制"`, `unknown`). Only `closed` may ever hide a result.
 */
export type OpenState = 'open' | 'closed' | 'unknown' | 'none';

/** Codes of OpenState in a Uint8Array (one per resource); 0 is also "not evaluated yet". */
export const OPEN_STATE_CODES: Readonly<Record<OpenState, number>> = {
  none: 0,
  unknown: 1,
  open: 2,
  closed: 3,
};
const STATE_BY_CODE: readonly OpenState[] = ['none', 'unknown', 'open', 'closed'];

/** The OpenState a code stands for. */
export function openStateOfCode(code: number | undefined): OpenState {
  return STATE_BY_CODE[code ?? 0] ?? 'none';
}

/** Per resource index, 1 where the resource is known to be closed (what "open now" hides). */
export function closedFlags(codes: Uint8Array): Uint8Array {
  return codes.map((code) => (code === OPEN_STATE_CODES.closed ? 1 : 0));
}
