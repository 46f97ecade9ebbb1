import type { Variables } from '@modelcontextprotocol/server';
import { ConduitError } from '../../core/conduit-error.ts';
import { ARGUMENT_LIMITS } from './tool-input.ts';

/**
 * One variable of a resource URI (`{id}` in `conduit://{adapter}/content/{id}`),
 * percent-decoded and held to the same length limit as the tool argument it
 * stands for. A missing, badly encoded or runaway value is TOOL_INVALID_ARGS.
 */
export function uriVariable(variables: Variables, name: string, maxLength: number = ARGUMENT_LIMITS.id): string {
  const raw = variables[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (first === undefined || first === '') throw new ConduitError('TOOL_INVALID_ARGS', `The resource URI names no ${name}.`);
  let value: string;
  try {
    value = decodeURIComponent(first);
  } catch {
    throw new ConduitError('TOOL_INVALID_ARGS', `The ${name} in the resource URI is not valid percent-encoding.`, {
      hint: 'Encode reserved characters as UTF-8 %XX sequences, e.g. { as %7B and } as %7D.',
    });
  }
  if (value.length > maxLength) {
    throw new ConduitError('TOOL_INVALID_ARGS', `The ${name} in the resource URI has ${value.length.toLocaleString('en')} characters; at most ${maxLength} are accepted.`);
  }
  return value;
}
