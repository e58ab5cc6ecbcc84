/**
 * Entry point of the platform's fixture functions, loaded by the functions-framework exactly as
 * `functions/index.ts` is in the image: `FUNCTION_TARGET` picks the function.
 */
const target = process.env.FUNCTION_TARGET ?? '';
if (target !== 'hello' && target !== 'recorder') throw new Error(`FUNCTION_TARGET "${target}" is not a fixture function`);
require(`./${target}`);
