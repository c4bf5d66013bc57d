export declare interface NextPatch {
  dir: string;
  from: RegExp;
  to: string;
  done: RegExp;
}
export declare const PATCHES: NextPatch[];
