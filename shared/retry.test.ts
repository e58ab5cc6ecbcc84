import test from 'ava';
import { isRetryableStatus } from './retry';

test('Knative retries 404, 408, 409, 429 and 5xx, and no other status', (t) => {
  for (const status of [404, 408, 409, 429, 500, 502, 503, 504]) t.true(isRetryableStatus(status), String(status));
  for (const status of [200, 202, 204, 301, 400, 401, 403, 405, 413, 415, 422]) t.false(isRetryableStatus(status), String(status));
});
