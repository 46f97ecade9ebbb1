import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { sscItemSchema } from '../ssc-schemas.ts';

const fixturesDir = new URL('../fixtures/', import.meta.url);

export function fixtureJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, fixturesDir), 'utf8'));
}

/** A recorded HTTP exchange: the response status, headers and body text. */
const exchangeSchema = z.object({
  request: z.object({ method: z.string(), path: z.string(), body: z.unknown().optional() }),
  response: z.object({
    status: z.number().int(),
    headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    body: z.string(),
  }),
});

export type RecordedExchange = z.infer<typeof exchangeSchema>;

export function exchangeFixture(name: string): RecordedExchange {
  return exchangeSchema.parse(fixtureJson(name));
}

/** Real fetch Headers from a recorded exchange (Set-Cookie lines appended one by one). */
export function headersOf(exchange: RecordedExchange): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(exchange.response.headers)) {
    for (const line of Array.isArray(value) ? value : [value]) headers.append(name, line);
  }
  return headers;
}

export function itemFixture(name: string) {
  return sscItemSchema.parse(fixtureJson(name));
}

export const templateFixtureSchema = z.object({
  template: sscItemSchema,
  sections: z.array(z.object({ section: sscItemSchema, fields: z.array(sscItemSchema) })),
});
