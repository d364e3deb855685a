// Checks the import rules (.dependency-cruiser.mjs) over src/ and tests/e2e/ and prints the report, as
// `depcruise src tests/e2e --config .dependency-cruiser.mjs` would. dependency-cruiser's command line refuses
// Node 20, which this project still runs on (package.json "engines"); its API does not. On Node 22 or later,
// `npm run lint` can call depcruise itself.
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

const options = await extractDepcruiseOptions('./.dependency-cruiser.mjs');
const result = await cruise(['src', 'tests/e2e'], { ...options, outputType: 'err' });
process.stdout.write(result.output);
process.exitCode = result.exitCode;
