/**
 * The MediaConvert REST routes this stack serves: method, path and operation name, once. The
 * emulator dispatches on them and the fault proxy names the requests it sees with them.
 */

const API = '/2017-08-29';

export const ROUTES = [
  { method: 'POST', path: '/jobs', operation: 'CreateJob' },
  { method: 'GET', path: '/jobs', operation: 'ListJobs' },
  { method: 'GET', path: '/jobs/{id}', operation: 'GetJob' },
  { method: 'DELETE', path: '/jobs/{id}', operation: 'CancelJob' },
  { method: 'POST', path: '/jobTemplates', operation: 'CreateJobTemplate' },
  { method: 'GET', path: '/jobTemplates', operation: 'ListJobTemplates' },
  { method: 'GET', path: '/jobTemplates/{name}', operation: 'GetJobTemplate' },
  { method: 'GET', path: '/queues/{name}', operation: 'GetQueue' },
  // Deprecated account endpoints: old clients still ask.
  { method: 'POST', path: '/endpoints', operation: 'DescribeEndpoints' },
] as const;

export type Operation = (typeof ROUTES)[number]['operation'];

export interface RouteMatch {
  operation: Operation;
  /** Path parameters by their `{name}` in the route, URI-decoded. */
  params: Record<string, string>;
}

const PATTERNS = ROUTES.map((route) => ({
  ...route,
  pattern: new RegExp(`^${API}${route.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
}));

/** The route a request goes to, or undefined when MediaConvert has no such operation. */
export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  for (const route of PATTERNS) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const params = Object.fromEntries(
      Object.entries(match.groups ?? {}).map(([key, value]) => [key, decode(value)]),
    );
    return { operation: route.operation, params };
  }
  return undefined;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
