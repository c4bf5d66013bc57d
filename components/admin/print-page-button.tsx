"use client";

/** Opens the browser's print dialog (the page's print style lays it out on A4). */
export function PrintPageButton({ label }: { label: string }) {
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
