import QRCode from "qrcode";
import { t } from "@/lib/i18n/zh-CN";
import { PrintDate } from "./reader-controls";

/**
 * The QR code of a page's address, as SVG: drawn on the server (no script, no request),
 * by the page's loader — the component that shows it is synchronous.
 */
export function printQrSvg(url: string): Promise<string> {
  // One byte-mode segment and a fixed mask: the library would otherwise search for the
  // cheapest mix of modes and try all eight masks — a fifth of an uncached article
  // render's allocations (npm run bench) for a code that scans the same.
  return QRCode.toString([{ data: Buffer.from(url, "utf8"), mode: "byte" }], {
    type: "svg",
    margin: 0,
    errorCorrectionLevel: "M",
    maskPattern: 0,
    color: { dark: "#000000", light: "#ffffff" },
  });
}

/**
 * The block only paper shows, at the end of a printed article: the page's address,
 * a QR code of it (printQrSvg) and the print date (set when printing starts).
 */
export function PrintInfo({ url, qrSvg }: { url: string; qrSvg: string }) {
  const s = t.site;
  return (
    <aside className="print-only print-info">
      <div className="print-info-text">
        <p>
          {s.printUrl}：{url}
        </p>
        <p>
          {s.printDate}：<PrintDate />
        </p>
      </div>
      {/* qrcode's own SVG output: generated from our URL, contains no user markup. */}
      <span className="print-qr" role="img" aria-label={s.printQr} dangerouslySetInnerHTML={{ __html: qrSvg }} />
    </aside>
  );
}
