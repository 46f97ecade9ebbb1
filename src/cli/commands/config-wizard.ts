import { createInterface } from 'node:readline/promises';
import { ADAPTER_TYPES, type AdapterType } from '../../config/config-schema.ts';
import { CREDENTIAL_KEYS, defaultSecretEnv, type GenerateAnswers, type GenerateAdapterAnswer } from '../../config/generate-config.ts';

/** The interactive `conduit config generate`: asks on the terminal, never for a secret's value. */
export async function askAnswers(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<GenerateAnswers> {
  const rl = createInterface({ input, output });
  const ask = async (question: string, fallback: string): Promise<string> => {
    const answer = (await rl.question(`${question} [${fallback}]: `)).trim();
    return answer === '' ? fallback : answer;
  };
  try {
    const adapters: GenerateAdapterAnswer[] = [];
    const types = (await ask(`CMS types, comma-separated (${ADAPTER_TYPES.join(', ')})`, 'sitecore-xp')).split(',').map((t) => t.trim());
    for (const raw of types) {
      const type: AdapterType = ADAPTER_TYPES.find((t) => t === raw) ?? 'sitecore-xp';
      const name = await ask(`Name for the ${type} adapter`, adapters.length === 0 ? 'main' : type.replace(/-/g, '_'));
      const url = await ask(`${type} base URL`, 'https://cm.example.com');
      const secretEnv: Record<string, string> = {};
      for (const key of CREDENTIAL_KEYS[type].secrets) {
        secretEnv[key] = await ask(`Environment variable holding ${name}'s ${key}`, defaultSecretEnv(name, key));
      }
      adapters.push({ name, type, url, secretEnv });
    }
    const storageKind = await ask('Scan storage: sqlite or postgres', 'sqlite');
    const storage = storageKind === 'postgres'
      ? { kind: 'postgres' as const, env: await ask('Environment variable holding the Postgres URL', 'DATABASE_URL') }
      : { kind: 'sqlite' as const, path: await ask('SQLite file', './conduit.db') };
    const tokenEnv = await ask('Environment variable holding an HTTP bearer token (empty for none)', 'CONDUIT_TOKEN');
    const readOnly = (await ask('Read-only mode (yes/no)', 'no')).toLowerCase().startsWith('y');
    return { adapters, storage, readOnly, http: { host: '127.0.0.1', port: 3000, ...(tokenEnv ? { tokenEnv } : {}) } };
  } finally {
    rl.close();
  }
}
