/**
 * A loopback stand-in for the OpenAI and Azure OpenAI (v1) chat completions API that rejects what the real
 * services reject for each model family, with their status, `param` and `code`:
 * - reasoning models (o-series, GPT-5 family): a `temperature` other than 1 (400 `unsupported_value`),
 *   `max_tokens` (400 `unsupported_parameter`), a `reasoning_effort` the model does not take (400
 *   `unsupported_value`: `minimal` only up to GPT-5, `none` only from GPT-5.1); their reasoning tokens count
 *   against `max_completion_tokens`, and an answer that does not fit comes back empty with `length`;
 * - chat models (GPT-4o, GPT-4.1, GPT-5.x chat): `reasoning_effort` (400 `unsupported_parameter`);
 * - both: no key (401), an unknown model or deployment (404), a path other than the API's own (404).
 * The answer's content comes from `answer(body)`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type Family = 'chat' | 'o-series' | 'gpt-5' | 'gpt-5.1+';

/** The real models' families (what the service knows, not what Trygg guesses from a name). */
const MODELS: Record<string, Family> = {
  'gpt-4o-mini': 'chat',
  'gpt-4.1-mini': 'chat',
  'gpt-5.3-chat': 'chat',
  o3: 'o-series',
  'o4-mini': 'o-series',
  'gpt-5': 'gpt-5',
  'gpt-5-mini': 'gpt-5',
  'gpt-5.1': 'gpt-5.1+',
  'gpt-5.4-mini': 'gpt-5.1+',
};

const EFFORTS: Record<Exclude<Family, 'chat'>, string[]> = {
  'o-series': ['low', 'medium', 'high'],
  'gpt-5': ['minimal', 'low', 'medium', 'high'],
  'gpt-5.1+': ['none', 'low', 'medium', 'high'],
};
/** Reasoning tokens a model spends by effort (absent: the default, medium). */
const REASONING: Record<string, number> = { none: 0, minimal: 60, low: 700, medium: 2_500, high: 8_000 };
/** Tokens the answer itself takes. */
const ANSWER_TOKENS = 120;

export interface FakeRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, any>;
  status: number;
}

export interface FakeOpenAI {
  /** `http://127.0.0.1:<port>`: OpenAI's base URL is `${origin}/v1`, an Azure endpoint is the origin itself. */
  origin: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

const error = (status: number, message: string, param: string | null, code: string | null) => ({
  status,
  body: { error: { message, type: 'invalid_request_error', param, code } },
});

function check(family: Family, body: Record<string, any>) {
  if (family === 'chat') {
    if ('reasoning_effort' in body)
      return error(
        400,
        "Unsupported parameter: 'reasoning_effort' is not supported with this model.",
        'reasoning_effort',
        'unsupported_parameter',
      );
    return undefined;
  }
  if ('temperature' in body && body.temperature !== 1)
    return error(
      400,
      `Unsupported value: 'temperature' does not support ${body.temperature} with this model. Only the default (1) value is supported.`,
      'temperature',
      'unsupported_value',
    );
  if ('max_tokens' in body)
    return error(
      400,
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      'max_tokens',
      'unsupported_parameter',
    );
  if ('reasoning_effort' in body && !EFFORTS[family].includes(body.reasoning_effort))
    return error(
      400,
      `Unsupported value: '${body.reasoning_effort}' is not supported with this model. Supported values are: ${EFFORTS[family].map((e) => `'${e}'`).join(', ')}.`,
      'reasoning_effort',
      'unsupported_value',
    );
  return undefined;
}

/**
 * Starts the fake. `deployments` names Azure deployments and the model each serves (a deployment is often
 * named after its model, but need not be).
 */
export async function startFakeOpenAI(options: {
  key: string;
  answer: (body: Record<string, any>) => unknown;
  deployments?: Record<string, string>;
}): Promise<FakeOpenAI> {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      const body = data ? JSON.parse(data) : {};
      const url = new URL(req.url ?? '/', 'http://fake');
      const azure = url.pathname === '/openai/v1/chat/completions';
      const reply = (() => {
        if (req.method !== 'POST' || (!azure && url.pathname !== '/v1/chat/completions'))
          return error(404, 'Resource not found', null, '404');
        const auth =
          req.headers.authorization === `Bearer ${options.key}` || (azure && req.headers['api-key'] === options.key);
        if (!auth) return error(401, 'Incorrect API key provided.', null, 'invalid_api_key');
        const model = azure ? options.deployments?.[body.model] : body.model;
        const family = model ? MODELS[model] : undefined;
        if (!family) return error(404, `The model '${body.model}' does not exist.`, 'model', 'model_not_found');
        const rejected = check(family, body);
        if (rejected) return rejected;
        const reasoning = family === 'chat' ? 0 : REASONING[body.reasoning_effort ?? 'medium']!;
        const limit = body.max_completion_tokens ?? body.max_tokens ?? Infinity;
        const fits = reasoning + ANSWER_TOKENS <= limit;
        return {
          status: 200,
          body: {
            id: 'chatcmpl-fake',
            object: 'chat.completion',
            created: 1_700_000_000,
            model,
            choices: [
              {
                index: 0,
                finish_reason: fits ? 'stop' : 'length',
                message: {
                  role: 'assistant',
                  content: fits ? JSON.stringify(options.answer(body)) : '',
                  refusal: null,
                },
              },
            ],
            usage: { completion_tokens_details: { reasoning_tokens: Math.min(reasoning, limit) } },
          },
        };
      })();
      requests.push({ path: req.url ?? '', headers: req.headers, body, status: reply.status });
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
