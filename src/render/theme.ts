// Colours and styles: one place that decides how each element looks, on dark and light terminals.
import { Chalk, type ChalkInstance } from 'chalk';

export interface Theme {
  chalk: ChalkInstance;
  title: (s: string) => string;
  description: (s: string) => string;
  label: (s: string) => string;
  dim: (s: string) => string;
  heading: (s: string) => string;
  link: (s: string) => string;
  ref: (s: string) => string;
  name: (s: string) => string;
  error: (s: string) => string;
  warning: (s: string) => string;
}

export function makeTheme(color: boolean): Theme {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  return {
    chalk,
    // Basic 16 colours and bold/italic only: they follow the terminal's own palette, light or dark.
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
