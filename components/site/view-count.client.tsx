"use client";

import { useEffect, useState } from "react";

/**
 * 浏览次数. The page is served from cache, so the number rendered into it is only a
 * starting point: on a real view this posts one beacon and shows the count it
 * returns. Prefetches never run it (no script runs on a prefetched page), and a
 * prerendered page waits until the reader actually sees it.
 */
const counted = new Set<number>();

export function ViewCount({ articleId, initial }: { articleId: number; initial: number }) {
  const [count, setCount] = useState(initial);

  useEffect(() => {
    // Once per page load, even if React mounts twice (strict mode) or the tree remounts.
    if (counted.has(articleId)) return;
    counted.add(articleId);
    const send = () => {
      fetch("/api/views", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: articleId }),
        keepalive: true,
        credentials: "omit",
      })
        .then((res) => (res.ok ? (res.json() as Promise<{ count: number }>) : null))
        .then((data) => {
          if (data && Number.isFinite(data.count)) setCount(data.count);
        })
        // A count that cannot be sent (offline, static copy without the app) is not an error for the reader.
        .catch(() => {});
    };
    const doc = document as Document & { prerendering?: boolean };
    if (doc.prerendering) doc.addEventListener("prerenderingchange", send, { once: true });
    else send();
  }, [articleId]);

  return (
    <span data-testid="view-count" aria-live="off">
      {count}
    </span>
  );
}
