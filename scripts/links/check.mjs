import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { anchors, links, namedPaths } from './markdown.mjs';

// The rule for every page we ship (README.md, docs/**/*.md): a relative link resolves inside the tree being checked
// (the repository, or the unpacked tarball), and a file the package does not ship is linked at the tagged repository,
// https://github.com/<owner>/<repo>/blob/v<version>/<path>, with the version of package.json.

/** Top-level folders the package does not ship; a page that names a path in them must link it at the tag. */
export const UNSHIPPED = ['src/', 'test/', 'bench/', 'scripts/', '.ci/'];

/** The repository's web address and the tag of this version, from package.json. */
export function repository(packageJson) {
  const url = String(packageJson.repository?.url ?? packageJson.repository ?? '')
    .replace(/^git\+/, '')
    .replace(/\.git$/, '');
  return { url, tag: `v${packageJson.version}` };
}

/** The address of a repository path at this version's tag (`tree` for a folder). */
export function taggedUrl(repo, path) {
  return `${repo.url}/${path.endsWith('/') ? 'tree' : 'blob'}/${repo.tag}/${path.replace(/\/$/, '')}`;
}

/** The Markdown pages of a tree that the checks cover: README.md and docs/**\/*.md (not the generated docs/api). */
export function pages(root) {
  const found = existsSync(join(root, 'README.md')) ? ['README.md'] : [];
  const walk = (dir) => {
    if (!existsSync(join(root, dir))) return;
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory() && path !== 'docs/api') walk(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) found.push(path);
    }
  };
  walk('docs');
  return found;
}

const anchorCache = new Map();
const anchorsOf = (file) => {
  if (!anchorCache.has(file)) anchorCache.set(file, anchors(readFileSync(file, 'utf8')));
  return anchorCache.get(file);
};

function checkTarget(file, anchor, where, problems) {
  if (!existsSync(file)) return problems.push(`${where}: no such file`);
  if (anchor && file.endsWith('.md') && !anchorsOf(file).has(decodeURIComponent(anchor))) {
    problems.push(`${where}: no heading or anchor #${anchor}`);
  }
}

/**
 * Checks every link of every page under `root`. `repoRoot` is where tagged repository links are looked up (the
 * repository itself, also when `root` is an unpacked tarball). Returns the problems, one line each.
 */
export function checkTree(root, repoRoot, packageJson) {
  const repo = repository(packageJson);
  const problems = [];
  const tagged = new RegExp(
    `^${repo.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(blob|tree)/([^/]+)/([^#]+)(?:#(.*))?$`,
  );
  for (const page of pages(root)) {
    const text = readFileSync(join(root, page), 'utf8');
    for (const { target, line } of links(text)) {
      const where = `${page}:${line} ${target}`;
      if (/^(mailto:|data:)/.test(target)) continue;
      if (/^[a-z]+:\/\//i.test(target)) {
        const m = tagged.exec(target);
        if (!m) continue;
        if (m[2] !== repo.tag) problems.push(`${where}: links tag ${m[2]}, package.json says ${repo.tag}`);
        const path = resolve(repoRoot, decodeURIComponent(m[3]));
        if (m[1] === 'tree' && existsSync(path) && !statSync(path).isDirectory()) {
          problems.push(`${where}: a file, link it with /blob/`);
        }
        checkTarget(path, m[4], where, problems);
        continue;
      }
      const [pathPart, anchor] = target.split('#', 2);
      const file = pathPart ? resolve(root, dirname(page), decodeURIComponent(pathPart)) : join(root, page);
      const inside = relative(root, file);
      if (inside.startsWith(`..${sep}`) || inside === '..') {
        problems.push(`${where}: leaves the tree`);
        continue;
      }
      checkTarget(file, anchor, where, problems);
    }
    for (const { path, linked, line } of namedPaths(text, UNSHIPPED)) {
      if (linked || /[<*{]/.test(path)) continue;
      problems.push(`${page}:${line} \`${path}\`: not in the package; link it at ${taggedUrl(repo, path)}`);
    }
  }
  return problems;
}
