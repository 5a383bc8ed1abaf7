// Numbers, sizes and dates in words for people.

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** "842 bytes", "47.1 KB", "3.2 MB". */
export function formatSize(bytes: number): string {
  if (bytes === 1) return "1 byte";
  if (bytes < 1024) return `${integer.format(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} KB`;
  return `${oneDecimal.format(bytes / (1024 * 1024))} MB`;
}

/** "47.1 KB (48,211 bytes)", or just "842 bytes". */
export function formatSizeExact(bytes: number): string {
  if (bytes < 1024) return formatSize(bytes);
  return `${formatSize(bytes)} (${integer.format(bytes)} bytes)`;
}

export function formatCount(n: number, one: string, many: string): string {
  return `${integer.format(n)} ${n === 1 ? one : many}`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "long" });

/**
 * A date as the badge gives it, in words: ISO 8601 dates and date-times, and
 * the core's "1768471200 (Unix time)". Anything else is returned unchanged.
 */
export function formatDate(value: string): string {
  const unix = /^(-?\d+) \(Unix time\)$/.exec(value);
  let date: Date | null = null;
  if (unix?.[1] !== undefined) {
    date = new Date(Number(unix[1]) * 1000);
  } else if (/^\d{4}-\d{2}-\d{2}(?:$|T)/.test(value)) {
    // A date alone is a calendar day, not midnight UTC.
    date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00` : value);
  }
  if (!date || Number.isNaN(date.getTime())) return value;
  return dateFormat.format(date);
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** "2 Mar 2026, 09:00" for an RFC 3339 date-time; the text itself when it is not one. */
export function formatWhen(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : when.format(date);
}

/** "2 Mar 2026". */
export function formatDay(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : day.format(date);
}

/** A message from the core as a sentence: capital first letter (optionally) and a full stop. */
export function sentence(text: string, capitalise = false): string {
  const trimmed = text.trim();
  const first = capitalise ? trimmed.charAt(0).toUpperCase() + trimmed.slice(1) : trimmed;
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}
