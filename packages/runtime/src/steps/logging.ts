import { HEADERS } from '@gdx/protocol';
import type { Emit } from '../logger.js';
import type { Step } from './types.js';

/** Reports the start and the response of each attempt (only installed when a logger is set). */
export function loggingStep(emit: Emit): Step {
  return (next) => async (call) => {
    const { operationId, method, url, attempt } = call;
    emit({ type: 'request', operationId, method, url, attempt });
    const started = performance.now();
    const response = await next(call);
    emit({
      type: 'response',
      operationId,
      method,
      url,
      attempt,
      status: response.status,
      durationMs: performance.now() - started,
      requestId: response.headers.get(HEADERS.requestId),
    });
    return response;
  };
}
