// The styled theme: basic 16 colours and bold/italic only, so that it follows the terminal's own
// palette and reads on dark and light backgrounds alike.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Theme } from './theme.js';

export interface RenderTheme extends Theme {
  chalk: ChalkInstance;
}

export function makeTheme(color: boolean): RenderTheme {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return {
    chalk,
    title: chalk.bold.cyan,
    description: chalk.italic,
    label: chalk.bold,
    dim: chalk.dim,
    heading: chalk.bold.green,
    link: chalk.cyan.underline,
    ref: chalk.dim,
    name: chalk.yellow,
    error: chalk.red.bold,
    warning: chalk.yellow,
  };
}
