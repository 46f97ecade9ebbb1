import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { Logger } from '../core/ports.ts';
import { currentCallScope } from './call-context.ts';

export interface LoggerOptions {
  level?: string;
  /** Exact values never to print (passwords, tokens taken from the environment). */
  secrets?: readonly string[];
  /** Where lines go; stderr by default, because in stdio mode stdout belongs to MCP. */
  destination?: { write(line: string): unknown };
}

const REDACTED = '[REDACTED]';

/** Paths redacted wherever they appear, whatever their value. */
const REDACT_PATHS = [
  'password', '*.password', 'token', '*.token', 'apiKey', '*.apiKey', 'secret', '*.secret',
  'authorization', '*.authorization', 'headers.authorization', 'headers.cookie', '*.headers.cookie',
  'cookie', '*.cookie', 'credentials', '*.credentials',
];

/**
 * pino JSON logs to stderr. Secrets are removed twice: by key path, and by
 * value on the finished line, so a secret that slips into a message or an
 * error text still never reaches the log.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const target = options.destination ?? batchedStderr();
  const secrets = [...new Set(options.secrets ?? [])].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  const destination: DestinationStream = {
    write: (line: string) => {
      target.write(secrets.length === 0 ? line : scrub(line, secrets));
    },
  };
  const base: PinoLogger = pino({
    level: options.level ?? 'info',
    base: { service: 'conduit' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const scope = currentCallScope();
      if (!scope) return {};
      return { correlationId: scope.correlationId, tool: scope.tool, ...(scope.adapter ? { adapter: scope.adapter } : {}) };
    },
  }, destination);
  return base;
}

let stderrBatch: { write(line: string): void } | undefined;

/** Pipe writes up to this size are atomic, so processes sharing one stderr (serve --workers) never split a line. */
const ATOMIC_WRITE_BYTES = 4096;

/**
 * stderr, with the lines of one event-loop turn joined into few writes: a busy
 * server logs a line per call, and a write per line (synchronous on pipes and
 * files) was a tenth of its CPU. Whatever is pending is written on exit, so
 * process.exit() and a crash still leave their last lines.
 */
function batchedStderr(): { write(line: string): void } {
  if (stderrBatch) return stderrBatch;
  let pending: string[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    const lines = pending;
    pending = [];
    let batch = '';
    let bytes = 0;
    for (const line of lines) {
      const size = Buffer.byteLength(line);
      if (bytes > 0 && bytes + size > ATOMIC_WRITE_BYTES) {
        process.stderr.write(batch);
        batch = '';
        bytes = 0;
      }
      batch += line;
      bytes += size;
    }
    if (batch.length > 0) process.stderr.write(batch);
  };
  process.on('exit', flush);
  stderrBatch = {
    write(line) {
      pending.push(line);
      if (scheduled) return;
      scheduled = true;
      setImmediate(flush);
    },
  };
  return stderrBatch;
}

function scrub(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    // The same secret as it appears inside a JSON string (quotes, backslashes escaped).
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret && out.includes(escaped)) out = out.split(escaped).join(REDACTED);
  }
  return out;
}
