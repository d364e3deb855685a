/**
 * How the end-to-end tests and the benchmark start Debian's Chromium on this machine: headless, no sandbox (we
 * run as root), no GPU, and none of its own network traffic, which this machine's closed network refuses.
 *
 * Chromium 156 also renders its omnibox popup as a web page of its own (the "WebUI Top Renderer", with the AI
 * Mode compose box), which works in the background as each test page opens: on this 2-core machine it took CPU
 * from the page under test, on every load. Measured with 10 interleaved loads of the 100,000-row build each way:
 * the map was interactive 930 ms after navigation with it (median) and 675 ms without, and 7 against 2 tasks of
 * the page's main thread ran over 50 ms. That popup is the browser's, not the app's, and no test types in an
 * omnibox, so it is turned off.
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
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];
