import type { Logger } from '../../../src/adapter-kit/index.ts';

/** A Logger that keeps every entry, so tests can check what would be written (and that secrets are not). */
export function recordingLogger(): Logger & { entries: Array<{ level: string; obj: object; msg?: string }> } {
  const entries: Array<{ level: string; obj: object; msg?: string }> = [];
  const make = (bindings: Record<string, unknown>): Logger => {
    const log = (level: string) => (obj: object, msg?: string): void => {
      entries.push({ level, obj: { ...bindings, ...obj }, ...(msg === undefined ? {} : { msg }) });
    };
    return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), child: (more) => make({ ...bindings, ...more }) };
  };
  return Object.assign(make({}), { entries });
}
