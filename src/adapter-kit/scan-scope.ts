import { z } from 'zod';

/**
 * The languages a scan reads, as config, the CLI and MCP spell them: "all", or language names as the CMS names
 * them (Sitecore: the item names under /sitecore/system/Languages, such as en or de-DE).
 */
export const scanLanguagesSchema = z.union([
  z.literal('all'),
  z.array(z.string().max(64).regex(/^[\w-]+$/, 'a language name such as en or de-DE')).min(1).max(100),
]);

/** `--languages all` or `--languages en,de-DE`; undefined when the value is not one. */
export function parseLanguagesFlag(value: string): z.infer<typeof scanLanguagesSchema> | undefined {
  const trimmed = value.trim();
  const parsed = scanLanguagesSchema.safeParse(trimmed === 'all' ? trimmed : trimmed.split(',').map((name) => name.trim()));
  return parsed.success ? parsed.data : undefined;
}
