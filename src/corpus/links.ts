// Internal link targets: the one normalisation used by parsing and rendering alike.

/** Internal link target id: `/id`, `/id/`, `/id#part`, `/<lang>/id`; undefined for anything else. */
export function internalTarget(href: string): string | undefined {
  if (!href.startsWith('/') || href.startsWith('//')) return undefined;
  let path = href.slice(1).replace(/[?#].*$/, '').replace(/\/+$/, '');
  const parts = path.split('/');
  if (parts.length === 2 && /^[a-z]{2}(?:-[a-z]{2})?$/i.test(parts[0] ?? '')) path = parts[1] ?? '';
  else if (parts.length !== 1) return undefined;
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keep it as written */
  }
  return path === '' ? undefined : path;
}
