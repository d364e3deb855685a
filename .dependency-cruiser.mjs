// The import rules of src/README.md ("Architecture"), checked by `npm run lint` (tests/check-import-rules.mjs)
// over src/ and the end-to-end specs.
// Every rule covers type-only imports too: a type belongs to the layer that owns it.

/** Folders under src/ as a regular expression (the layers). */
const layer = (...names) => `^src/(${names.join('|')})/`;
/** npm packages (and their @types) as a regular expression. */
// node_modules may be a link resolved elsewhere (a git worktree's ../main/node_modules): match it anywhere.
const packages = (...names) => `(^|node_modules/)(@types/)?(${names.join('|')})(/|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'domain/ is pure TypeScript (it runs on the page, in workers and in the Node build): no React, Leaflet, ' +
        'Zustand or IndexedDB, and nothing from the layers built on it.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        path: [
          layer('services', 'store', 'i18n', 'components', 'features', 'app', 'build'),
          packages('react', 'react-dom', 'leaflet', 'react-leaflet', 'zustand', 'idb'),
        ],
      },
    },
    {
      name: 'domain-has-no-node',
      comment: "domain/ runs in the browser too: Node's built-in modules belong in build/.",
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'services-serve-the-store',
      comment:
        'services/ (workers, IndexedDB, fetching) build on domain/ and one another; the store calls them, never ' +
        'the other way round, and they draw nothing.',
      severity: 'error',
      from: { path: '^src/services/' },
      to: {
        path: [
          layer('store', 'i18n', 'components', 'features', 'app', 'build'),
          packages('react', 'react-dom', 'leaflet', 'react-leaflet', 'zustand'),
        ],
      },
    },
    {
      name: 'store-knows-no-ui',
      comment: 'store/ builds on domain/ and services/; the UI reads it, it never reads the UI (nor i18n).',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: layer('i18n', 'components', 'features', 'app', 'build') },
    },
    {
      name: 'store-leaves-indexeddb-to-services',
      comment:
        'IndexedDB is a service beside the store (services/import, services/workshop); the store calls it.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: packages('idb') },
    },
    {
      name: 'i18n-reads-domain-and-store',
      comment: 'i18n/ reads the language from the store and labels from domain/; nothing else.',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { path: layer('services', 'components', 'features', 'app', 'build') },
    },
    {
      name: 'components-are-shared',
      comment:
        'components/ are shared UI pieces: domain/, store/ and i18n/ only, never a feature or the app.',
      severity: 'error',
      from: { path: '^src/components/' },
      to: { path: layer('services', 'features', 'app', 'build') },
    },
    {
      name: 'features-stay-apart',
      comment:
        'A feature never imports another feature: what two features share goes to components/ or store/.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'features-below-app',
      comment: 'app/ composes the features; a feature does not reach back into it.',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: layer('app', 'build') },
    },
    {
      name: 'build-reads-domain-and-node',
      comment: 'build/ holds Vite plugins run by Node: they use domain/ and Node, not the page.',
      severity: 'error',
      from: { path: '^src/build/' },
      to: { path: layer('services', 'store', 'i18n', 'components', 'features', 'app') },
    },
    {
      name: 'only-build-imports-build',
      comment:
        "build/ runs in Node (vite.config.ts loads it): importing it from the page would bundle Node's modules.",
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/build/' },
      to: { path: '^src/build/' },
    },
    {
      name: 'e2e-specs-go-through-drivers',
      comment:
        'An end-to-end spec says what a person does and sees; only the driver modules (tests/e2e/driver*.ts) ' +
        'touch Playwright.',
      severity: 'error',
      from: { path: '^tests/e2e/.+[.]e2e[.]ts$' },
      to: { path: '(^|node_modules/)playwright-core(/|$)' },
    },
    {
      name: 'no-circular-at-run-time',
      comment: 'No module imports itself through others at run time.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-outside-store',
      comment:
        'Circles, even type-only ones, stay inside store/. The one kind allowed: a slice of the Zustand store ' +
        '(store/*/…-slice.ts, and the selectors beside it) imports the AppState type from store/app-store.ts, ' +
        'which combines the slices; being type-only, it does not exist at run time (no-circular-at-run-time).',
      severity: 'error',
      from: {},
      to: {
        circular: true,
        via: { pathNot: '^src/store/' },
      },
    },
    {
      name: 'store-circles-only-through-app-store',
      comment:
        'Within store/, a type-only circle is allowed only through app-store.ts (see no-circular-outside-store).',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { circular: true, viaOnly: { pathNot: '^src/store/app-store[.]ts$' } },
    },
  ],
  options: {
    // TypeScript 7 has no JavaScript API, so dependency-cruiser cannot parse with tsc; swc reads TS and TSX
    // and marks `import type` (and `export type … from`) as the dependency type 'type-only'.
    parser: 'swc',
    doNotFollow: { path: 'node_modules/' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
      conditionNames: ['import', 'require', 'node', 'default'],
      exportsFields: ['exports'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
