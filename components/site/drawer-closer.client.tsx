"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

/** Closes the phone menu after it led somewhere: the layout (and the open popover) survive client navigation. */
export function DrawerCloser({ drawerId }: { drawerId: string }) {
  const pathname = usePathname();
  useEffect(() => {
    const drawer = document.getElementById(drawerId);
    if (drawer?.matches(":popover-open")) drawer.hidePopover();
  }, [pathname, drawerId]);
  return null;
}
