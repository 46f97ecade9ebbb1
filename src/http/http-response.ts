import { ConduitError } from '../core/conduit-error.ts';
import type { HttpResponse } from '../adapter-kit/http-types.ts';
import { describeRequest, labelDetails, type RequestLabel } from './status-to-error.ts';

/** The response an adapter sees: the body fully read, JSON parsed on demand into a typed error when malformed. */
export function createHttpResponse(status: number, headers: Headers, text: string, label: RequestLabel): HttpResponse {
  return {
    status,
    headers,
    text,
    json(): unknown {
      try {
        return JSON.parse(text);
      } catch (cause) {
        // The body itself stays out of the message: it may echo credentials or personal data.
        throw new ConduitError('ADP_BAD_RESPONSE', `${describeRequest(label)} answered HTTP ${status} with a body that is not valid JSON.`, {
          cause, details: labelDetails(label, { status, contentType: headers.get('content-type') ?? undefined, bytes: text.length }),
        });
      }
    },
  };
}
