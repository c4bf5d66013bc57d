/**
 * A wide table on a narrow screen: the table scrolls sideways inside its own box, the page
 * does not. A named, focusable region, so keyboard users can scroll it too (WCAG 2.1.1,
 * axe's scrollable-region-focusable), and screen readers announce what it holds.
 */
export function TableScroll({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
