// The --static folders, served so that nothing but the site's own files can
// leave them: no dotfile or dot-folder (.env, .git/), however the path is
// encoded, and no symlink that leads out of the folder.
import fastifyStatic from '@fastify/static';
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The path with every percent-encoding undone (also twice-encoded ones); undefined if malformed. */
function fullyDecoded(path) {
  let current = path;
  for (let i = 0; i < 4; i++) {
    let next;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  return undefined;
}

/** True when `inner` is `outer` or lies inside it (both absolute). */
export function isInside(outer, inner) {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The real path of `path`, or of its nearest existing parent joined with the rest. */
export function realPathOf(path) {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = resolve(absolute, '..');
    if (parent === absolute) return absolute;
    return resolve(realPathOf(parent), absolute.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
  }
}

/** A path the static folder at `root` (a real path) may serve. */
export function allowedStaticPath(path, root) {
  const decoded = fullyDecoded(path);
  if (decoded === undefined || decoded.includes('\0')) return false;
  if (decoded.split(/[/\\]/).some((segment) => segment.startsWith('.'))) return false;
  let real;
  try {
    real = realpathSync(resolve(root, `.${sep}${decoded}`));
  } catch {
    // Nothing there: the plugin answers 404.
    return true;
  }
  return isInside(root, real);
}

/** Registers each folder at its prefix. */
export async function serveStatic(app, staticDirs) {
  for (const [index, dir] of staticDirs.entries()) {
    const root = realpathSync(resolve(dir.root));
    await app.register(fastifyStatic, {
      root,
      prefix: dir.prefix,
      decorateReply: index === 0,
      wildcard: true,
      cacheControl: false,
      dotfiles: 'ignore',
      serveDotFiles: false,
      allowedPath: (path) => allowedStaticPath(path, root),
    });
  }
}
