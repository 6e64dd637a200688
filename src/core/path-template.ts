/**
 * A path template such as `/bids/:id/cancel`: `:name` segments match one non-empty path segment. The one
 * matcher the catalogs and every sandbox use.
 */
export interface PathTemplate {
  /** The template as written. */
  readonly template: string;
  /** The template's parameter values in `path` (percent-decoded), or `undefined` when it does not match. */
  match(path: string): Record<string, string> | undefined;
}

/** Compiles `template` once; `match` then costs one split of the path. */
export function pathTemplate(template: string): PathTemplate {
  const wanted = template.split('/');
  return {
    template,
    match(path) {
      const got = path.split('/');
      if (got.length === wanted.length + 1 && got.at(-1) === '') got.pop();
      if (got.length !== wanted.length) return undefined;
      const params: Record<string, string> = {};
      for (let index = 0; index < wanted.length; index += 1) {
        const segment = wanted[index] as string;
        const value = got[index] as string;
        if (segment.startsWith(':')) {
          if (value === '') return undefined;
          params[segment.slice(1)] = decodeSegment(value);
        } else if (segment !== value) {
          return undefined;
        }
      }
      return params;
    },
  };
}

function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
