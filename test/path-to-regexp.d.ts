// The copy of path-to-regexp Next.js compiles its header and rewrite sources with (untyped there).
declare module "next/dist/compiled/path-to-regexp" {
  export function pathToRegexp(path: string): RegExp;
}
