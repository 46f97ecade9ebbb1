import { ConduitError } from '../core/conduit-error.ts';

/** Parses `--http [host:]port` (IPv6 as [::1]:3000). */
export function parseListen(value: string, defaults: { host: string; port: number }): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]:|([^:]+):)?(\d{1,5})$/.exec(value.trim());
  const port = match ? Number(match[3]) : NaN;
  if (!match || port > 65_535) {
    throw new ConduitError('CFG_INVALID_VALUE', `--http "${value}" is not [host:]port.`, { hint: 'Use e.g. --http 3000 or --http 127.0.0.1:3000.' });
  }
  return { host: match[1] ?? match[2] ?? defaults.host, port };
}
