"use client";

import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False in the server's HTML and while React hydrates it, true once the page answers.
 * Fields disabled until then take no typing that hydration would wipe out (a title typed
 * into the server's HTML was lost, and its save refused as "请填写标题").
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
