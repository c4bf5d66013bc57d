"use client";

import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * next/link for the admin, prefetching a page only once the user reaches for its link
 * (pointer over it, keyboard focus, a touch), as Next.js's prefetching guide suggests for
 * pages full of links. Its default prefetches every link that scrolls into view: the
 * article list alone (sort headers, pages, each row's edit and preview) sent some fifty
 * requests to the server per view, each behind the session check, for pages nobody opened.
 */
export default function Link({ onMouseEnter, onFocus, onTouchStart, prefetch, ...props }: ComponentProps<typeof NextLink>) {
  const [wanted, setWanted] = useState(false);
  return (
    <NextLink
      {...props}
      // null is Next.js's own default (prefetch on intent from here on); an explicit false stays false.
      prefetch={prefetch === false ? false : wanted ? (prefetch ?? null) : false}
      onMouseEnter={(event) => {
        setWanted(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setWanted(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setWanted(true);
        onTouchStart?.(event);
      }}
    />
  );
}
