/**
 * How the end-to-end tests and the benchmark start Debian's Chromium on this machine: headless, no sandbox (we
 * run as root), no GPU, and none of its own network traffic, which this machine's closed network refuses.
 * The bench lets the browser finish a new tab's own start-up before it navigates (bench/browser-idle.ts).
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
