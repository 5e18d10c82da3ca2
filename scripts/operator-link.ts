import { addOperatorToken, operatorLinkMinutes } from '../src/db/queries/operator'
import { normaliseEmail } from '../src/db/queries/people'
import { hashToken, newToken } from '../src/db/tokens'
import { openConfigured, serviceOrigin } from './database'

// A one-time link with which the service's operator signs in, for the email in OPERATOR_EMAIL.
// With --sql the link is kept nowhere: the statement that keeps it is printed, to run on D1 with
// wrangler d1 execute.
const email = normaliseEmail(process.env.OPERATOR_EMAIL ?? '')
if (!email) {
  console.error('Set OPERATOR_EMAIL to the operator’s email address, as the service is given it.')
  process.exit(1)
}
const token = newToken()
const row = {
  tokenHash: await hashToken(token),
  email,
  expiresAt: Date.now() + operatorLinkMinutes * 60_000,
}
const link = `${serviceOrigin()}/operator/sign-in/${token}`
if (process.argv.includes('--sql')) {
  const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`
  console.log(
    `insert into operator_tokens (token_hash, email, expires_at) values (${quoted(row.tokenHash)}, ${quoted(email)}, ${row.expiresAt});`,
  )
} else {
  const { db, close } = await openConfigured()
  await addOperatorToken(db, row)
  close()
}
console.log(`Sign in as the operator (${email}) within ${operatorLinkMinutes} minutes, once:`)
console.log(link)
