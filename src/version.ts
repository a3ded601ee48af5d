// The version, in one place: --version, and the build id that keys caches of rendered output.
export const VERSION = '0.1.0';

declare const __GLOSSARY_BUILD__: string | undefined;
/** A hash of the sources, set by the build: a changed renderer must not reuse old renderings. */
export const BUILD = typeof __GLOSSARY_BUILD__ === 'string' ? __GLOSSARY_BUILD__ : 'dev';
