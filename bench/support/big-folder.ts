import { randomUUID } from 'node:crypto';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';

/**
 * A simulated Sitecore instance (1,000 items) with one folder of `children` leaf items under Home, each a
 * copy of one of Home's own children: the shape of a big media folder or a flat news archive.
 */
export async function startBigFolderSimulator(children: number, latencyMs: number): Promise<{ sim: SitecoreSimulator; folderId: string }> {
  const sim = await startSitecoreSimulator({ items: 1_000, seed: 3, faults: { latencyMs } });
  const home = sim.tree.getByPath('/sitecore/content/Home');
  const model = home ? sim.tree.children(home)[0] : undefined;
  if (!home || !model) throw new Error('the simulated tree has no /sitecore/content/Home with children');
  const copy = (name: string, parentId: string) => sim.tree.add({
    id: randomUUID(), name, parentId, templateId: model.templateId, shared: { ...model.shared }, langs: structuredClone(model.langs),
  });
  const folder = copy('Big folder', home.id);
  for (let i = 0; i < children; i++) copy(`Entry ${i}`, folder.id);
  return { sim, folderId: folder.id };
}
