// `npm run test:integration`: the tests that start processes or servers, named `*.integration.test.ts`.
import { readFileSync } from 'node:fs';

const { ava } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

export default { ...ava, files: ['dist/**/*.integration.test.js'] };
