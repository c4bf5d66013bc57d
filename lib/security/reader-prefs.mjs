// @ts-check
/**
 * The reader's preferences (长者模式, body font size) live in localStorage under these
 * keys, as classes on <html>. The public pages apply them with one tiny inline script
 * in <head>, before anything is painted (a reader who chose large text never sees the
 * page jump). It is the only inline script they run, so every Content-Security-Policy
 * allows exactly it, by hash (csp-core.mjs). Plain JavaScript without imports: the
 * page-cache handler loads it at run time, uncompiled, and the browser script bundles it.
 */
export const ELDER_KEY = "gazette:elder-mode";
export const FONT_KEY = "gazette:font-size";

export const EARLY_PREFS_SCRIPT =
  `try{var c=document.documentElement.classList,s=window.localStorage;` +
  `if(s.getItem(${JSON.stringify(ELDER_KEY)})==="on")c.add("elder-mode");` +
  `var f=s.getItem(${JSON.stringify(FONT_KEY)});if(f==="large"||f==="small")c.add("font-"+f)}catch(e){}`;
