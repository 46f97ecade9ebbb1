#!/usr/bin/env node
// Entry point only: checks the runtime, then hands over to the compiled CLI.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `conduit needs Node.js 22 or newer; this is ${process.version}.\n` +
      '  In a clone of the repository, run it through npm (npm install; npx conduit ...): the pinned Node 22 is used.\n' +
      '  Installed globally, install Node 22 LTS first (https://nodejs.org or your package manager).\n',
  );
  process.exit(1);
}
const { main } = await import('../dist/src/cli/main.js');
const code = await main(process.argv);
// Let what the command printed reach a slow reader first (for up to 2 s): on a pipe, output the reader
// has not taken yet is still queued, and process.exit() would drop it (a report cut short).
const flushed = (stream) => new Promise((resolve) => {
  setTimeout(resolve, 2_000).unref();
  stream.write('', resolve);
});
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
// Exit explicitly: a finished command must not linger on an open stdin or a stray timer.
process.exit(code);
