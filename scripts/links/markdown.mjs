// What a Markdown page links to and which anchors it offers, read the way GitHub reads it (closely enough for our
// own pages): fenced code blocks and code spans hold no links; headings give anchors by GitHub's slug rule.

/** The page's lines with fenced code blocks blanked, so nothing inside a sample counts as a link or heading. */
export function proseLines(text) {
  let fence = null;
  return text.split('\n').map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker) {
      fence = marker[0];
      return '';
    }
    if (fence !== null) {
      if (marker?.[0] === fence) fence = null;
      return '';
    }
    return line;
  });
}

/** GitHub's heading slug: lower case, punctuation dropped (letters, marks, digits, `_`, `-` and spaces kept), spaces to `-`. */
export function slug(heading) {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Every anchor a page offers: its headings' slugs (repeats numbered as GitHub does) and explicit `id`/`name`s. */
export function anchors(text) {
  const seen = new Map();
  const found = new Set();
  for (const line of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading !== undefined) {
      const base = slug(heading);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      found.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) found.add(m[1]);
  }
  return found;
}

const withoutCodeSpans = (line) => line.replace(/(`+)(?:(?!\1).)+?\1/g, (span) => ' '.repeat(span.length));

/** Every link target on the page, with its line number: inline links, images and reference definitions. */
export function links(text) {
  const found = [];
  proseLines(text).forEach((raw, index) => {
    const prose = withoutCodeSpans(raw);
    for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      found.push({ target: m[1], line: index + 1 });
    }
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(prose);
    if (definition) found.push({ target: definition[1], line: index + 1 });
    for (const m of prose.matchAll(/<a\s[^>]*href="([^"]+)"/g)) found.push({ target: m[1], line: index + 1 });
  });
  return found;
}

/** Code spans that name a path of the repository, with whether the span is the text of a link. */
export function namedPaths(text, prefixes) {
  const found = [];
  proseLines(text).forEach((line, index) => {
    for (const m of line.matchAll(/(\[)?`([^`\s]+)`(\]\()?/g)) {
      const path = m[2];
      if (!prefixes.some((prefix) => path.startsWith(prefix))) continue;
      found.push({ path, linked: Boolean(m[1] && m[3]), line: index + 1 });
    }
  });
  return found;
}
