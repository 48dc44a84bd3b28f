import type { Clients } from './clients.js';

/**
 * Identifying request members that are safe to print. An allowlist on purpose: KMS
 * GenerateDataKey answers and Encrypt requests carry the plaintext data key, and S3 bodies the
 * media, so nothing that is not named here is ever logged.
 */
const SAFE_MEMBERS = [
  'Bucket',
  'Key',
  'PartNumber',
  'UploadId',
  'KeyId',
  'KeySpec',
  'NumberOfBytes',
  'Id',
  'Name',
  'ClientRequestToken',
] as const;

type Handler = (args: { input: object }) => Promise<{ response: unknown }>;
interface Context {
  commandName?: string;
}
interface Stack {
  add(
    middleware: (next: Handler, context: Context) => Handler,
    options: { step: 'deserialize'; priority: 'high'; name: string },
  ): void;
}

/**
 * One debug line per AWS request attempt: service, operation, safe identifiers, HTTP status or
 * error, and time taken. The AWS SDK for JavaScript v3 has no environment switch for logging,
 * and its own `logger` option prints inputs and outputs whole (S3 bodies included), so this
 * is what the action offers when step debug logging is on.
 */
export function logRequests(clients: Partial<Clients>, debug: (line: string) => void): void {
  for (const [service, client] of Object.entries(clients) as [string, object][]) {
    const stack = (client as { middlewareStack: Stack }).middlewareStack;
    stack.add(
      (next, context) => async (args) => {
        const started = Date.now();
        const head = `aws ${service} ${context.commandName?.replace(/Command$/, '') ?? '?'}${describeInput(args.input)}`;
        try {
          const result = await next(args);
          const status = (result.response as { statusCode?: number } | undefined)?.statusCode;
          debug(`${head} -> ${status ?? 'ok'} (${Date.now() - started} ms)`);
          return result;
        } catch (error) {
          debug(`${head} -> ${describeError(error)} (${Date.now() - started} ms)`);
          throw error;
        }
      },
      // Inside the retry loop (one line per attempt), outside the deserializer (parsed errors).
      { step: 'deserialize', priority: 'high', name: 'mediaconvertEncryptDebugLog' },
    );
  }
}

function describeInput(input: object): string {
  const members = input as Record<string, unknown>;
  const parts: string[] = [];
  for (const name of SAFE_MEMBERS) {
    const value = members[name];
    if (typeof value === 'string' || typeof value === 'number') parts.push(`${name}=${value}`);
  }
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'failed';
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return `${error.name}${status ? ` ${status}` : ''}: ${error.message}`;
}
