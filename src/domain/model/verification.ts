const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a record's last check (ISO date) is older than `maxDays` at `now`, so the UI can suggest calling first.
 * e.g. 2023-03-15 at 2026-01-05 → true. A missing or unreadable date is not called stale: it is shown as missing.
 */
export function isVerificationStale(lastVerified: string | undefined, now: number, maxDays = 365): boolean {
  if (!lastVerified) return false;
  const checked = Date.parse(`${lastVerified}T00:00:00+08:00`);
  return Number.isFinite(checked) && now - checked > maxDays * DAY_MS;
}
