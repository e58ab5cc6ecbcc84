// ESLint for the whole repository (`npm run lint`): the recommended JavaScript and TypeScript
// rules, Prettier's formatting left to Prettier, and the house rules on who may import whom.
import path from 'node:path';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const ROOT = import.meta.dirname;

/**
 * Where an import may not go, by where the importing file lives (paths from the repository root):
 * - a function (`functions/<name>/`) never imports another function: what two functions need
 *   belongs in `shared/`; its tests use only the test kit (`test/kit/`) from `test/`;
 * - `local/` (the local platform) and `shared/` import no function code.
 */
function forbidden(from, to) {
  const [fromTop, fromFn] = from.split('/');
  const [toTop, toFn, toSub] = to.split('/');
  if (fromTop === 'functions' && fromFn !== undefined && from.includes('/', 'functions/'.length)) {
    if (toTop === 'functions' && toFn !== fromFn && to.includes('/', 'functions/'.length))
      return `functions/${fromFn} imports functions/${toFn}: functions meet through events and the store; move what both need to shared/`;
    if (toTop === 'test' && toSub !== undefined && toFn !== 'kit')
      return `functions/${fromFn} imports ${to}: a function's tests use the test kit (test/kit/) only`;
  }
  if ((fromTop === 'local' || fromTop === 'shared') && toTop === 'functions')
    return `${fromTop}/ imports function code (${to}): functions run as processes the platform starts`;
  return undefined;
}

const boundaries = {
  meta: { type: 'problem', docs: { description: 'functions never import each other; local/ and shared/ import no function code' }, schema: [] },
  create(context) {
    const from = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const check = (node) => {
      const spec = node?.type === 'Literal' && typeof node.value === 'string' ? node.value : undefined;
      if (spec === undefined || !spec.startsWith('.')) return;
      const to = path.relative(ROOT, path.resolve(path.dirname(context.filename), spec)).split(path.sep).join('/');
      const message = forbidden(from, to);
      if (message !== undefined) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
      TSImportEqualsDeclaration: (node) => check(node.moduleReference?.expression),
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'widget/tagline.js', '.tagline/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...nodeGlobals() } },
    plugins: { house: { rules: { boundaries } } },
    rules: {
      'house/boundaries': 'error',
      // `_`-prefixed names are deliberately unused (tsc's noUnusedParameters agrees).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A `let` a closure reads before its one assignment (a timer its callback clears) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // The build emits CommonJS: optional backends and the selected function are require()d lazily on purpose.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['widget/**/*.ts'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', navigator: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);

/** Node's globals, read-only, for files that run in Node. */
function nodeGlobals() {
  const names = ['process', 'Buffer', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'structuredClone', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'AbortController', 'AbortSignal', 'fetch', 'Request', 'Response', 'Headers', 'FormData', 'Blob', 'performance', '__dirname', '__filename', 'require', 'module', 'exports', 'globalThis', 'crypto', 'EventTarget', 'Event', 'WebAssembly', 'BroadcastChannel', 'MessageChannel'];
  return Object.fromEntries(names.map((n) => [n, 'readonly']));
}
