import { eq } from 'drizzle-orm'
import type { Db } from '../client'
import { people } from '../schema'

export const normaliseEmail = (email: string) => email.trim().toLowerCase()

export async function findPersonByEmail(db: Db, email: string) {
  const [row] = await db
    .select()
    .from(people)
    .where(eq(people.email, normaliseEmail(email)))
  return row ?? null
}
