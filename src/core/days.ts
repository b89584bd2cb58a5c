/** A day in milliseconds: the unit of every rule about invitations (reminders, expiry, re-invites, the daily cap). */
export const DAY_MS = 86_400_000;
