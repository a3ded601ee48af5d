// The version, in one place: --version, cache keys.
export const VERSION = '0.1.0';
