// Durations on the command line: 90s, 15m, 2h, 7d, or a plain number of seconds.

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 60 * 60, d: 24 * 60 * 60 };

export const DURATION_FORMS = 'a number of seconds or a number with a unit: 90s, 15m, 2h, 7d';

/** Seconds, or undefined when `text` is not a duration greater than 0. */
export function parseDurationSeconds(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(text.trim());
  if (!match) return undefined;
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1);
  return seconds > 0 && Number.isFinite(seconds) ? seconds : undefined;
}
