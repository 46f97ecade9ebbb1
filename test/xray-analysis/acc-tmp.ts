import { sitecoreRig } from '/work/main/test/xray-analysis/test-support/sitecore-scan.ts';
import { analyzeScan } from '/work/main/src/xray/analysis/run-analysis.ts';
import { sitecoreXrayProfile } from '/work/main/adapters/sitecore/shared/xray-profile/sitecore-xray-profile.ts';
import { groundTruthKeys, keyOf } from '/work/main/adapters/sitecore/simulator/test-support/ground-truth-oracle.ts';
const items = Number(process.argv[2] ?? 2000);
const rig = await sitecoreRig({ items });
let t = performance.now();
const scan = await rig.scan();
console.log('crawl', Math.round(performance.now() - t), 'ms', (await rig.temp.store.counts(scan.id)));
t = performance.now();
const res = await analyzeScan(rig.temp.store, scan.id, { profile: sitecoreXrayProfile });
console.log('analysis', Math.round(performance.now() - t), 'ms', res.score.score, res.score.grade);
for (const r of res.record.runs) console.log(r.id, r.status, r.findings, r.ms, r.reason ?? '', JSON.stringify(r.metrics));
const truth = groundTruthKeys(rig.sim.groundTruth());
const got: Record<string, Set<string>> = {};
for await (const b of rig.temp.store.iterateFindings(scan.id)) for (const f of b) {
  const e = f.evidence as Record<string, string>;
  (got[f.category] ??= new Set()).add(keyOf(f.category as never, { itemId: f.itemId ?? '', field: e['field'], kind: e['rule'] ?? '', target: e['target'], account: e['account'] }));
}
for (const [c, exp] of Object.entries(truth)) {
  const g = got[c] ?? new Set();
  const missing = [...exp].filter((k) => !g.has(k)); const extra = [...g].filter((k) => !exp.has(k));
  console.log(c, 'exp', exp.size, 'got', g.size, missing.length || extra.length ? JSON.stringify({ missing, extra: extra.slice(0, 10), extraN: extra.length }) : 'OK');
}
await rig.close();
