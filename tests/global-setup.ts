// Every temporary folder the tests make (tempDir, the CLI's own caches under XDG_CACHE_HOME, what
// spawned processes make under TMPDIR) lives under one folder per run, removed when the run ends:
// a run made some 5,000 folders in /tmp and left them there.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'glossary-tests-'));
  // As /tmp is: any user may make a folder here (a test may run a tool as another user).
  chmodSync(root, 0o1777);
  process.env['TMPDIR'] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
