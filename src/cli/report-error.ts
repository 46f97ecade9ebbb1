import { exitCodeFor } from '../core/error-catalogue.ts';
import { isConduitError } from '../core/conduit-error.ts';
import { packageVersion } from '../package-info.ts';

/**
 * Prints an error for a person (or as JSON) and returns the exit code: known
 * codes map to distinct exit codes by family; anything else is a bug.
 */
export function reportError(error: unknown, options: { json?: boolean } = {}): number {
  if (isConduitError(error)) {
    if (options.json) process.stderr.write(`${JSON.stringify({ error: error.toJSON() })}\n`);
    else process.stderr.write(`error [${error.code}] ${error.message}\n  hint: ${error.hint}\n`);
    return exitCodeFor(error.code);
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write([
    'conduit hit an unexpected error. This is a bug; please report it with the lines below.',
    `  conduit ${packageVersion()} · node ${process.version} · ${process.platform}-${process.arch}`,
    `  ${detail}`,
    '',
  ].join('\n'));
  if (process.env['CONDUIT_DEBUG'] && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 1;
}
