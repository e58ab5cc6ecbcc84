/**
 * Run a command's `main` on the process's arguments: what it returns is the exit code; an error
 * is its message on one stderr line and exit code 1.
 */
export function runMain(main: (args: string[]) => number | Promise<number>): void {
  const fail = (err: unknown): void => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  };
  try {
    Promise.resolve(main(process.argv.slice(2))).then((code) => {
      process.exitCode = code;
    }, fail);
  } catch (err) {
    fail(err);
  }
}
