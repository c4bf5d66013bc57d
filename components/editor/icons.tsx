/** Toolbar icons: small inline SVGs drawn with the current text colour. */
const paths: Record<string, string> = {
  alignLeft: "M3 5h14M3 9h9M3 13h14M3 17h9",
  alignCenter: "M3 5h14M6 9h8M3 13h14M6 17h8",
  alignRight: "M3 5h14M8 9h9M3 13h14M8 17h9",
  alignJustify: "M3 5h14M3 9h14M3 13h14M3 17h14",
  indent: "M3 4h14M9 8h8M9 12h8M3 16h14M3 7l3 3-3 3",
  bulletList: "M8 5h9M8 10h9M8 15h9M4 5h.01M4 10h.01M4 15h.01",
  orderedList: "M8 5h9M8 10h9M8 15h9M3 4h1v3M3 9.5h2l-2 2h2M3 14h2v3H3m0-1.5h2",
  quote: "M4 14c0-4 1-7 4-8M11 14c0-4 1-7 4-8M4 14h3v-3H4zM11 14h3v-3h-3z",
  link: "M8.5 11.5l3-3M7 9l-2 2a2.8 2.8 0 004 4l2-2M13 11l2-2a2.8 2.8 0 00-4-4L9 7",
  image: "M3 4h14v12H3zM3 13l4-4 4 4 2-2 4 4M13 7.5h.01",
  table: "M3 4h14v12H3zM3 8h14M3 12h14M8 4v12M13 4v12",
  rule: "M3 10h14",
  undo: "M7 6L3 10l4 4M3 10h9a5 5 0 010 10",
  redo: "M13 6l4 4-4 4M17 10H8a5 5 0 000 10",
  clear: "M5 4h10M10 4l-3 12M13 12l4 4M17 12l-4 4",
  search: "M8.5 14a5.5 5.5 0 100-11 5.5 5.5 0 000 11zM12.5 12.5L17 17",
  fullscreen: "M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4",
  exitFullscreen: "M7 3v4H3M17 7h-4V3M13 17v-4h4M3 13h4v4",
};

export function Icon({ name }: { name: keyof typeof paths | string }) {
  return (
    <svg width="18" height="18" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={paths[name] ?? ""} />
    </svg>
  );
}
