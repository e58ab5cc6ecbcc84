// `npm run test:unit`: the tests that start no process and no server (package.json's ava settings otherwise).
import { readFileSync } from 'node:fs';

const { ava } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

export default { ...ava, files: ['dist/**/*.test.js', '!dist/**/*.integration.test.js'], timeout: '30s' };
