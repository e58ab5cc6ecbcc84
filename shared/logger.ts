import { trace } from '@opentelemetry/api';
import { redactCredentials } from './redact';

export type Level = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/**
 * A logger writing one JSON object per line to stdout, with the service name and, inside a
 * traced request, the trace and span ids so logs join traces.
 */
export function createLogger(service: string, level: Level = 'info', write: (line: string) => void = defaultWrite): Logger {
  const min = RANK[level];
  const log = (lvl: Level, msg: string, fields?: Record<string, unknown>): void => {
    if (RANK[lvl] < min) return;
    const span = trace.getActiveSpan()?.spanContext();
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level: lvl, service, msg, ...fields };
    if (span !== undefined && span.traceId !== '00000000000000000000000000000000') {
      entry.traceId = span.traceId;
      entry.spanId = span.spanId;
    }
    write(redactCredentials(JSON.stringify(entry, errorReplacer)));
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}

function defaultWrite(line: string): void {
  process.stdout.write(line + '\n');
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return { name: value.name, message: value.message, code: (value as { code?: unknown }).code, stack: value.stack };
  }
  return value;
}
