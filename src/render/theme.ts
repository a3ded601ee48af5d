// How each element looks. Plain output needs no styling library at all; the styled theme is built
// on chalk (styled.ts) and loaded by the edge only when colour is on.

export interface Theme {
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

const same = (s: string) => s;

export const plainTheme: Theme = {
  title: same, description: same, label: same, dim: same, heading: same,
  link: same, ref: same, name: same, error: same, warning: same,
};
