import path from 'node:path';

/** The repository root, from `dist/local/`. */
export const ROOT = path.resolve(__dirname, '..', '..');

/** The functions-framework's own entry point, started with `node` directly so signals reach it. */
export const FRAMEWORK_MAIN = path.join(path.dirname(require.resolve('@google-cloud/functions-framework')), 'main.js');

/**
 * The command that runs one function process, the same everywhere (local platform, tests,
 * benchmarks, the image): node, the preload, the framework, the compiled functions.
 * `FUNCTION_TARGET` in the environment picks the function.
 */
export function functionCommand(source = path.join(ROOT, 'dist', 'functions')): { command: string; args: string[] } {
  return {
    command: process.execPath,
    args: ['--require', path.join(ROOT, 'dist', 'shared', 'preload.js'), FRAMEWORK_MAIN, `--source=${source}`],
  };
}
