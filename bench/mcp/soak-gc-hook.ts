// Loaded into the server under test by bench:soak only (NODE_OPTIONS="--expose-gc --import …"): SIGUSR2 runs a
// full garbage collection, so the heap the bench reads next is live data, not what V8 has yet to collect.
process.on('SIGUSR2', () => {
  const collect: unknown = Reflect.get(globalThis, 'gc');
  if (typeof collect === 'function') collect();
});
