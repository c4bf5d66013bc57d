/** Dates are shown in the site's time zone (Asia/Shanghai unless DISPLAY_TIME_ZONE says otherwise). */
const TIME_ZONE = process.env.DISPLAY_TIME_ZONE || "Asia/Shanghai";

/** The zone dates are shown in; pages hand it to the browser script (data-time-zone). */
export const DISPLAY_TIME_ZONE = TIME_ZONE;

const formats = new Map<string, Intl.DateTimeFormat>();

function parts(date: Date, timeZone = TIME_ZONE) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    formats.set(timeZone, format);
  }
  const out: Record<string, string> = {};
  for (const p of format.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** YYYY-MM-DD HH:mm:ss, in the display zone (or the one given: the browser script gets it from the page). */
export function formatDateTime(date: Date, timeZone?: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** YYYY-MM-DD, in the display zone (or the one given). */
export function formatDate(date: Date, timeZone?: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A calendar date stored as a DATE column (UTC midnight): YYYY-MM-DD without shifting. */
export function formatCalendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** HH:mm in the display zone. */
export function formatTime(date: Date): string {
  const p = parts(date);
  return `${p.hour}:${p.minute}`;
}

/** The hour (0–23) in the display zone (or the one given). */
export function hourIn(date: Date, timeZone?: string): number {
  return Number(parts(date, timeZone).hour);
}
