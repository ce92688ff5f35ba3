/** A restaurant's daily hours ("HH:mm[:ss]" local time in `timeZone`); NULL hours = always open. */
export interface OpeningHours {
  opensAt: string | null;
  closesAt: string | null;
  timeZone: string;
}

/** A refusal names the hour its message quotes: when the restaurant opens, or when it closes. */
export type OpenLongEnough = { ok: true } | { ok: false; reason: 'closed'; opensAt: string } | { ok: false; reason: 'closing-soon'; closesAt: string };

const MINUTES_A_DAY = 24 * 60;

/**
 * Whether the restaurant is open at `now` and stays open at least `neededMinutes` more (the
 * shortest FoodRush plus its longest preparation). Hours may run past midnight (18:00-02:00);
 * equal opening and closing times mean open all day.
 */
export function openLongEnough(hours: OpeningHours, now: Date, neededMinutes: number): OpenLongEnough {
  const { opensAt, closesAt } = hours;
  if (opensAt === null || closesAt === null) return { ok: true };
  const opens = minutesOf(opensAt);
  const closes = minutesOf(closesAt);
  if (opens === closes) return { ok: true };
  const current = localMinutes(now, hours.timeZone);
  let remaining: number;
  if (opens < closes) {
    if (current < opens || current >= closes) return { ok: false, reason: 'closed', opensAt };
    remaining = closes - current;
  } else {
    if (current >= closes && current < opens) return { ok: false, reason: 'closed', opensAt };
    remaining = current >= opens ? MINUTES_A_DAY - current + closes : closes - current;
  }
  return remaining >= neededMinutes ? { ok: true } : { ok: false, reason: 'closing-soon', closesAt };
}

/** "22:00:00" -> "22:00" for messages. */
export function formatHour(time: string): string {
  return time.slice(0, 5);
}

function minutesOf(time: string): number {
  const [hours, minutes, seconds] = time.split(':').map(Number);
  return hours * 60 + minutes + (seconds ?? 0) / 60;
}

/** Minutes since local midnight (with seconds as a fraction) in the IANA time zone. */
function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute') + part('second') / 60;
}
