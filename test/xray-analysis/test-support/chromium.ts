import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's package path (`apt-get install -y chromium`); the test installs nothing itself. */
export const CHROMIUM = '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** Flags that keep headless Chromium offline and local: no network services, no sync, no first-run work. */
function flags(profile: string): string[] {
  return ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--hide-scrollbars', '--force-device-scale-factor=1', `--user-data-dir=${profile}`];
}

async function withProfile<T>(fn: (profile: string) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'conduit-chromium-'));
  try {
    return await fn(profile);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Renders a local HTML file and writes a PNG screenshot of `width`×`height`. */
export function screenshot(htmlFile: string, pngFile: string, width: number, height: number): Promise<void> {
  return withProfile(async (profile) => {
    await run(CHROMIUM, [...flags(profile), `--window-size=${width},${height}`, `--screenshot=${pngFile}`, `file://${htmlFile}`], { timeout: 60_000 });
  });
}

/** The DOM after Chromium parsed and laid out the page, serialised. */
export function dumpDom(htmlFile: string): Promise<string> {
  return withProfile(async (profile) => (await run(CHROMIUM, [...flags(profile), '--dump-dom', `file://${htmlFile}`], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 })).stdout);
}
