/** A day in milliseconds: the unit of every rule about invitations (reminders, expiry, re-invites, the daily cap). */
export const DAY_MS = 86_400_000;

/** The network reminds the recipient about one and two weeks after sending. */
export const REMINDER_DAYS: readonly number[] = [7, 14];
