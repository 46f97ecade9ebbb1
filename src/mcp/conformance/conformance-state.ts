import { randomBytes } from 'node:crypto';
import { createRequestStateCodec, type RequestStateCodec } from '@modelcontextprotocol/server';

/** What the conformance fixtures need from the serving side. */
export interface ConformanceState {
  /** HMAC codec for requestState; its `verify` is the server's requestState hook. */
  codec: RequestStateCodec<{ flow: string; round: number; name?: string }>;
  /** Publishes a list-changed event to open subscriptions (2026) or the connected client (2025). */
  listChanged(kind: 'tools' | 'prompts'): void;
}

let codec: ConformanceState['codec'] | undefined;

/** One key per process: every per-request server instance must verify the state another one minted. */
export function conformanceCodec(): ConformanceState['codec'] {
  codec ??= createRequestStateCodec({ key: randomBytes(32), ttlSeconds: 600 });
  return codec;
}
