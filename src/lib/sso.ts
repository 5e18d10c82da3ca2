import * as oauth from 'oauth4webapi'
import type { SsoSettings } from '../db/queries/sso'

/** The most the server waits for the identity provider, and the most it reads of one answer. */
const providerTimeoutMs = 5_000
const providerLimitBytes = 1_000_000

/**
 * Fetch for the identity provider: no redirects followed, at most 5 seconds and 1 MB an answer,
 * so that a provider (or an address that is not one) cannot hold the server or fill its memory.
 */
async function providerFetch(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    redirect: 'manual',
    signal: AbortSignal.timeout(providerTimeoutMs),
  })
  const reader = response.body?.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    size += read.value.length
    if (size > providerLimitBytes) {
      await reader?.cancel()
      throw new Error('The identity provider sent more than 1 MB')
    }
    chunks.push(read.value)
  }
  const body = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    body.set(chunk, at)
    at += chunk.length
  }
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
}

/** A provider on this machine: allowed over plain http only where the server says so. */
export const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)

/**
 * Requests go only to the configured issuer, over https; plain http to a provider on this machine
 * only where the server allows it (development and tests: SSO_ALLOW_LOOPBACK).
 */
function requestOptions(issuer: URL, allowLoopback: boolean) {
  const options = { [oauth.customFetch]: providerFetch }
  if (issuer.protocol === 'https:') return options
  if (allowLoopback && issuer.protocol === 'http:' && isLoopback(issuer))
    return { ...options, [oauth.allowInsecureRequests]: true }
  throw new Error('The issuer must be an https address')
}

async function discover(settings: SsoSettings, allowLoopback: boolean) {
  const issuer = new URL(settings.issuer)
  const options = requestOptions(issuer, allowLoopback)
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...options })
  return { server: await oauth.processDiscoveryResponse(issuer, response), options }
}

/** Where to send the person to sign in: the authorization code flow with PKCE, a state and a nonce. */
export async function startSso(settings: SsoSettings, redirectUri: string, allowLoopback = false) {
  const { server } = await discover(settings, allowLoopback)
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
  allowLoopback = false,
): Promise<SsoIdentity> {
  const { server, options } = await discover(settings, allowLoopback)
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
