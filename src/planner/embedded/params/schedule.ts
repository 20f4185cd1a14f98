import { numberOf } from '../analysis/numbers.ts';

/**
 * Schedule phrases to EventBridge schedule expressions: "every 15 minutes" → `rate(15 minutes)`,
 * "every night at 2am" → `cron(0 2 * * ? *)`, "every monday at 9:30" → `cron(30 9 ? * MON *)`.
 */
const DAYS: Readonly<Record<string, string>> = {
  monday: 'MON',
  tuesday: 'TUE',
  wednesday: 'WED',
  thursday: 'THU',
  friday: 'FRI',
  saturday: 'SAT',
  sunday: 'SUN',
};

const UNITS: Readonly<Record<string, 'minute' | 'hour' | 'day'>> = {
  m: 'minute',
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
};

function rate(n: number, unit: 'minute' | 'hour' | 'day'): string {
  return `rate(${n} ${n === 1 ? unit : `${unit}s`})`;
}

function timeOfDay(text: string): { hour: number; minute: number } | null {
  if (/\bmidnight\b/.test(text)) return { hour: 0, minute: 0 };
  if (/\bnoon\b|\bmidday\b/.test(text)) return { hour: 12, minute: 0 };
  const m =
    /\bat\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?:\s*(utc|gmt))?/.exec(text) ??
    /\b(\d{1,2})(?::(\d{2}))?\s*(am|pm)\b/.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.replace(/\./g, '');
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/** The schedule expression a sentence describes, or null when it describes none. */
export function parseSchedule(sentence: string): string | null {
  const text = sentence.toLowerCase();
  const explicit = /\b(cron|rate)\s*\(([^)]*)\)/.exec(text);
  if (explicit)
    return `${explicit[1]}(${explicit[2]!.trim().replace(/\s+/g, ' ')})`.replace(
      /^cron\((.*)\)$/,
      (_, b: string) => `cron(${b.toUpperCase().replace(/\?/g, '?')})`,
    );

  const every =
    /\bevery\s+(\d+|one|two|three|four|five|six|ten|twelve|fifteen|twenty|thirty)?\s*(m|mins?|minutes?|h|hrs?|hours?|days?)\b/.exec(
      text,
    );
  if (every) {
    const n = numberOf(every[1]) ?? 1;
    const unit = UNITS[every[2]!]!;
    const at = timeOfDay(text);
    if (unit === 'day' && n === 1 && at) return `cron(${at.minute} ${at.hour} * * ? *)`;
    if (n > 0) return rate(n, unit);
  }
  if (/\b(hourly|every hour|each hour)\b/.test(text)) return rate(1, 'hour');

  const at = timeOfDay(text);
  const weekday = /\b(every|each|on)\s+weekdays?\b|\bweekdays\b/.test(text);
  const day =
    /\b(?:every|each|on)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/.exec(text) ??
    /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s\b/.exec(text);
  if (weekday || day) {
    const time = at ?? { hour: 0, minute: 0 };
    const dow = weekday ? 'MON-FRI' : DAYS[day![1]!]!;
    return `cron(${time.minute} ${time.hour} ? * ${dow} *)`;
  }
  if (/\b(monthly|every month|each month)\b/.test(text)) {
    const time = at ?? { hour: 0, minute: 0 };
    return `cron(${time.minute} ${time.hour} 1 * ? *)`;
  }
  if (/\b(weekly|every week|each week|once a week)\b/.test(text)) {
    if (at) return `cron(${at.minute} ${at.hour} ? * MON *)`;
    return rate(7, 'day');
  }
  const daily =
    /\b(nightly|daily|every night|each night|every day|each day|every morning|each morning|every evening|once a day|per day|a day)\b/.exec(
      text,
    );
  if (daily) {
    if (at) return `cron(${at.minute} ${at.hour} * * ? *)`;
    if (/night/.test(daily[1]!)) return 'cron(0 0 * * ? *)';
    if (/morning/.test(daily[1]!)) return 'cron(0 6 * * ? *)';
    if (/evening/.test(daily[1]!)) return 'cron(0 18 * * ? *)';
    return rate(1, 'day');
  }
  return null;
}
