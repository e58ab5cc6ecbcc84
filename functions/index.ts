/**
 * The one entry point of the image: the functions-framework loads this module, which loads only
 * the function named by `FUNCTION_TARGET`, so each Service starts with its own code alone.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../shared/errors';

const target = process.env.FUNCTION_TARGET ?? '';
if (!/^[a-z][a-z0-9-]*$/.test(target) || !existsSync(path.join(__dirname, target, 'index.js'))) {
  throw new ConfigError('FUNCTION_TARGET', `"${target}" is not a function under functions/`);
}
require(`./${target}`);
