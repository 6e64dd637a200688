import { type PathTemplate, pathTemplate } from '../core/path-template.js';

/** What every sandbox route has: a method and its path template, compiled once when the route is declared. */
export interface TemplateRoute {
  readonly method: string;
  readonly path: PathTemplate;
}

/** Declares a route: compiles `template` (such as `/api/bids/:id/cancel`) once, here, not per request. */
export function declareRoute<T extends object>(method: string, template: string, rest: T): TemplateRoute & T {
  return { method, path: pathTemplate(template), ...rest };
}

/** A route found for a request, with the values of its template's `:name` segments. */
interface RouteMatch<R extends TemplateRoute> {
  readonly route: R;
  readonly params: Record<string, string>;
}

/** The first of `routes` serving `method` and `path`, if any. */
export function findRoute<R extends TemplateRoute>(
  routes: readonly R[],
  method: string,
  path: string,
): RouteMatch<R> | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = route.path.match(path);
    if (params) return { route, params };
  }
  return undefined;
}

/** How execution counters name a route: `METHOD /template`, such as `'POST /api/bids/:id/cancel'`. */
export function routeKey(route: TemplateRoute): string {
  return `${route.method} ${route.path.template}`;
}

/**
 * What a request names, before it runs: its route's key and that route's catalog name in `names` (both
 * `undefined` when no route serves it).
 */
export function identifyRoute(
  routes: readonly TemplateRoute[],
  names: Readonly<Record<string, string>>,
  method: string,
  path: string,
): { endpoint: string | undefined; route: string | undefined } {
  const match = findRoute(routes, method, path);
  const route = match && routeKey(match.route);
  return { route, endpoint: route === undefined ? undefined : names[route] };
}
