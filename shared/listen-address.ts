import http from 'node:http';

/**
 * Make the server listening on `port` (the functions-framework's, which has no host option and
 * listens on every interface) listen on `address` only, e.g. `127.0.0.1` behind the local
 * platform, so nothing on the network reaches a function around the platform's checks.
 */
export function listenOnlyOn(address: string, port: number): void {
  const listen = http.Server.prototype.listen;
  http.Server.prototype.listen = function (this: http.Server, ...args: unknown[]) {
    if (String(args[0]) === String(port) && (args.length === 1 || typeof args[1] === 'function')) args.splice(1, 0, address);
    return listen.apply(this, args as Parameters<typeof listen>);
  } as typeof listen;
}
