// Regenerates the docs that are derived from registries (error codes today; tools and config next).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTroubleshooting } from '../src/core/troubleshooting-doc.ts';
import { packageRoot } from '../src/package-info.ts';

writeFileSync(join(packageRoot(), 'TROUBLESHOOTING.md'), renderTroubleshooting());
process.stdout.write('wrote TROUBLESHOOTING.md\n');
