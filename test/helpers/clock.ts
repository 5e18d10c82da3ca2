/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 10, 23, 9, 0)) {
  let now = start
  return {
    now: () => now,
    advance(minutes: number) {
      now += minutes * 60_000
    },
  }
}
