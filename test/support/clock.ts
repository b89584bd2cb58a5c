/**
 * The daily cap counts the requests sent on the real clock's day (UTC). A test that runs twice
 * and expects the second run to see the first one's requests as "today" would fail if midnight
 * fell between them, so it starts clear of midnight: when less than `ms` is left of the day, it
 * waits for the next one.
 */
export async function clearOfMidnight(ms = 60_000): Promise<void> {
  const now = Date.now();
  const nextMidnight = Math.ceil((now + 1) / 86_400_000) * 86_400_000;
  const left = nextMidnight - now;
  if (left < ms) await new Promise((resolve) => setTimeout(resolve, left + 1_000));
}
