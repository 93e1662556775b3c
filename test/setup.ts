// Loaded before every test file: nock must be in place before any HTTP client is built (openai ≥ 5 uses
// global fetch, which nock intercepts only when loaded first). Only loopback may be reached for real.
import nock from 'nock';
import { afterEach } from 'vitest';

nock.disableNetConnect();
nock.enableNetConnect(/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/);

afterEach(() => {
  nock.cleanAll();
});
