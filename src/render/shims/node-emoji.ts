// Stand-in for node-emoji in the bundle: glossary renders with `emoji: false`, so marked-terminal
// never calls it, and its 1,800-entry table stays out of start-up.
export function get(name: string): string | undefined {
  return name === '' ? undefined : undefined;
}
