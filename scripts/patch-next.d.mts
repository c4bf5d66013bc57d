export declare interface NextPatch {
  /** What the fix does, as the install log says it. */
  fix: string;
  dir: string;
  from: RegExp;
  to: string;
  done: RegExp;
}
export declare const PATCHES: NextPatch[];
