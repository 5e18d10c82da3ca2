import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../client'
import { organisations, people, ssoRequests, ssoSettings } from '../schema'
import { type Actor, auditInsert } from './audit'

export type SsoSettings = { issuer: string; clientId: string; clientSecret: string }

export async function getSsoSettings(db: Db, organisationId: string): Promise<SsoSettings | null> {
  const [row] = await db
    .select({
      issuer: ssoSettings.issuer,
      clientId: ssoSettings.clientId,
      clientSecret: ssoSettings.clientSecret,
    })
    .from(ssoSettings)
    .where(eq(ssoSettings.organisationId, organisationId))
  return row ?? null
}

/** Organisation name and single sign-on settings, with the change audited (never the secret). */
export async function saveSettings(
  db: Db,
  actor: Actor,
  change: { name: string; respondentContact: string | null; sso: SsoSettings | null },
  before: { name: string; respondentContact: string | null; sso: SsoSettings | null },
) {
  const shown = (s: typeof change) => ({
    name: s.name,
    respondentContact: s.respondentContact,
    sso: s.sso ? { issuer: s.sso.issuer, clientId: s.sso.clientId } : null,
  })
  const updatedAt = actor.at.toISOString()
  await db.batch([
    db
      .update(organisations)
      .set({ name: change.name, respondentContact: change.respondentContact })
      .where(eq(organisations.id, actor.organisationId)),
    change.sso
      ? db
          .insert(ssoSettings)
          .values({ organisationId: actor.organisationId, updatedAt, ...change.sso })
          .onConflictDoUpdate({
            target: ssoSettings.organisationId,
            set: { updatedAt, ...change.sso },
          })
      : db.delete(ssoSettings).where(eq(ssoSettings.organisationId, actor.organisationId)),
    auditInsert(db, {
      ...actor,
      action: 'settings.updated',
      subjectType: 'organisation',
      subjectId: actor.organisationId,
      before: shown(before),
      after: shown(change),
    }),
  ])
}

export async function createSsoRequest(db: Db, row: typeof ssoRequests.$inferInsert) {
  await db.insert(ssoRequests).values(row)
}

/** The sign-in request for this state, used up as it is read: a state works once. */
export async function takeSsoRequest(db: Db, state: string) {
  const [row] = await db.delete(ssoRequests).where(eq(ssoRequests.state, state)).returning()
  return row ?? null
}

export async function getPersonForSso(
  db: Db,
  organisationId: string,
  issuer: string,
  subject: string,
  email: string | null,
) {
  const inOrganisation = eq(people.organisationId, organisationId)
  const [linked] = await db
    .select()
    .from(people)
    .where(and(inOrganisation, eq(people.oidcIssuer, issuer), eq(people.oidcSubject, subject)))
  if (linked) return { person: linked, link: false }
  if (!email) return null
  const [byEmail] = await db
    .select()
    .from(people)
    .where(and(inOrganisation, eq(people.email, email), isNull(people.oidcSubject)))
  return byEmail ? { person: byEmail, link: true } : null
}

/** Links a person to their identity at the provider on first sign-in, and activates an invited one. */
export async function linkPersonToSso(
  db: Db,
  actor: Actor,
  personId: string,
  issuer: string,
  subject: string,
) {
  await db.batch([
    db
      .update(people)
      .set({ oidcIssuer: issuer, oidcSubject: subject, status: 'active' })
      .where(
        and(
          eq(people.organisationId, actor.organisationId),
          eq(people.id, personId),
          isNull(people.oidcSubject),
        ),
      ),
    auditInsert(db, {
      ...actor,
      action: 'person.sso-linked',
      subjectType: 'person',
      subjectId: personId,
      after: { issuer },
    }),
  ])
}
