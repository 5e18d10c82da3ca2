import * as oauth from 'oauth4webapi'
import type { SsoSettings } from '../db/queries/sso'

/** Plain http is allowed only for a provider on this machine (development and tests). */
const requestOptions = (issuer: URL) =>
  issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname)
    ? { [oauth.allowInsecureRequests]: true }
    : {}

async function discover(settings: SsoSettings) {
  const issuer = new URL(settings.issuer)
  const options = requestOptions(issuer)
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...options })
  return { server: await oauth.processDiscoveryResponse(issuer, response), options }
}

/** Where to send the person to sign in: the authorization code flow with PKCE, a state and a nonce. */
export async function startSso(settings: SsoSettings, redirectUri: string) {
  const { server } = await discover(settings)
  if (!server.authorization_endpoint)
    throw new Error('The identity provider has no authorization endpoint')
  const codeVerifier = oauth.generateRandomCodeVerifier()
  const state = oauth.generateRandomState()
  const nonce = oauth.generateRandomNonce()
  const url = new URL(server.authorization_endpoint)
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  }).toString()
  return { url: url.toString(), state, codeVerifier, nonce }
}

export type SsoIdentity = { issuer: string; subject: string; email: string | null }

/** Exchanges the code and checks the ID token (signature, issuer, audience, nonce, expiry). */
export async function finishSso(
  settings: SsoSettings,
  request: { state: string; codeVerifier: string; nonce: string },
  callbackUrl: URL,
  redirectUri: string,
): Promise<SsoIdentity> {
  const { server, options } = await discover(settings)
  const client: oauth.Client = { client_id: settings.clientId }
  const auth = oauth.ClientSecretPost(settings.clientSecret)
  const params = oauth.validateAuthResponse(server, client, callbackUrl, request.state)
  const response = await oauth.authorizationCodeGrantRequest(
    server,
    client,
    auth,
    params,
    redirectUri,
    request.codeVerifier,
    options,
  )
  const result = await oauth.processAuthorizationCodeResponse(server, client, response, {
    expectedNonce: request.nonce,
    requireIdToken: true,
  })
  const claims = oauth.getValidatedIdTokenClaims(result)
  if (!claims) throw new Error('The identity provider sent no ID token')
  let profile: Record<string, unknown> = { ...claims }
  // Some providers keep the email for the userinfo endpoint rather than the ID token.
  if (profile.email === undefined && server.userinfo_endpoint) {
    const info = await oauth.userInfoRequest(server, client, result.access_token, options)
    profile = await oauth.processUserInfoResponse(server, client, claims.sub, info)
  }
  const verified = profile.email_verified === true && typeof profile.email === 'string'
  const email = verified ? String(profile.email).toLowerCase() : null
  return { issuer: claims.iss, subject: claims.sub, email }
}
