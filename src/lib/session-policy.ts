/** How long a session lasts: idle, and at most from sign-in however active. */
export type SessionPolicy = { idleMs: number; absoluteMs: number }

export const defaultSessionPolicy: SessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3_600_000,
}
