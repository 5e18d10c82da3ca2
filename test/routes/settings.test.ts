import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { freshHarness } from '#harness'
import { getSsoSettings } from '../../src/db/queries/sso'
import { auditLog, organisations } from '../../src/db/schema'
import { setUpAndSignIn } from '../helpers/signed-in'

const sso = {
  issuer: 'https://login.microsoftonline.com/0000-tenant/v2.0',
  clientId: 'client-123',
  clientSecret: 'a secret from the provider',
}

describe('organisation settings', () => {
  it('renames the organisation and sets single sign-on, auditing the change without the secret', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const res = await h.post('/settings', {
      name: 'Northmoor Mental Health Trust',
      respondentContact: 'the Recovery Team, 0123 456 7890',
      ...sso,
    })
    expect(res.status).toBe(303)
    const [org] = await h.db.select().from(organisations)
    expect(org?.name).toBe('Northmoor Mental Health Trust')
    expect(org?.respondentContact).toBe('the Recovery Team, 0123 456 7890')
    expect(await (await h.get('/settings')).text()).toContain(
      'value="the Recovery Team, 0123 456 7890"',
    )
    expect(await getSsoSettings(h.db, h.organisation.id)).toEqual(sso)
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'settings.updated'))
    expect(entry?.after).toEqual({
      name: 'Northmoor Mental Health Trust',
      respondentContact: 'the Recovery Team, 0123 456 7890',
      sso: { issuer: sso.issuer, clientId: sso.clientId },
    })
    expect(JSON.stringify(entry)).not.toContain(sso.clientSecret)

    // a blank secret keeps the saved one; a blank issuer turns single sign-on off
    await h.post('/settings', { name: 'Northmoor Mental Health Trust', ...sso, clientSecret: '' })
    expect((await getSsoSettings(h.db, h.organisation.id))?.clientSecret).toBe(sso.clientSecret)
    await h.post('/settings', { name: 'Northmoor Mental Health Trust', issuer: '' })
    expect(await getSsoSettings(h.db, h.organisation.id)).toBeNull()
  })

  it('asks for an https issuer and the client details', async () => {
    const h = await setUpAndSignIn(await freshHarness())
    const insecure = await h.post('/settings', {
      name: 'Northmoor Trust',
      ...sso,
      issuer: 'http://idp.example',
    })
    expect(insecure.status).toBe(422)
    expect(await insecure.text()).toContain('Enter the issuer as an https address')
    const missing = await h.post('/settings', { name: 'Northmoor Trust', issuer: sso.issuer })
    expect(missing.status).toBe(422)
    const body = await missing.text()
    expect(body).toContain('Enter the client ID your identity provider gave you')
    expect(body).toContain('Enter the client secret your identity provider gave you')
    expect(await getSsoSettings(h.db, h.organisation.id)).toBeNull()
  })
})
