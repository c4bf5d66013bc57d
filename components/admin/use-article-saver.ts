"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { createArticleAction, saveArticleAction } from "@/lib/articles/actions";
import type { EditorArticle } from "@/lib/articles/editor-model";
import { ArticleSaver } from "./article-saver";
import { clearLocalDraft, writeLocalDraft } from "./local-draft";

/** The saver for one editor page, wired to the server actions, localStorage and the browser's events. */
export function useArticleSaver(initial: EditorArticle) {
  const [saver] = useState(
    () =>
      new ArticleSaver(
        initial,
        { create: (input) => createArticleAction(input), save: (input) => saveArticleAction(input) },
        { write: writeLocalDraft, clear: clearLocalDraft },
      ),
  );
  const state = useSyncExternalStore(saver.subscribe, saver.getSnapshot, saver.getSnapshot);

  useEffect(() => {
    const online = () => saver.online();
    // Leaving the page (another tab, closing, navigating away) saves what is there.
    const hidden = () => document.visibilityState === "hidden" && saver.isDirty() && void saver.save("auto");
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!saver.isDirty()) return;
      void saver.save("auto");
      e.preventDefault();
    };
    window.addEventListener("online", online);
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("beforeunload", beforeUnload);
    return () => {
      window.removeEventListener("online", online);
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("beforeunload", beforeUnload);
    };
  }, [saver]);

  useEffect(() => () => saver.leave(), [saver]);

  return { saver, ...state };
}
