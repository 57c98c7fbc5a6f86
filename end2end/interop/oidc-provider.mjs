// An independent, certified OpenID Provider (panva/node-oidc-provider) on loopback, with the
// portal registered as a client: the interoperability half of the sign-in tests. Its own
// development login pages ask for any login name and password, then for consent.
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const portal = process.env.PORTAL_URL;
if (!port || !portal) {
  console.error('OIDC_PORT and PORTAL_URL are required');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'alarmis-portal',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'interop-secret',
      redirect_uris: [`${portal}/auth/callback`],
      post_logout_redirect_uris: [`${portal}/`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  acrValues: ['luxtrust', 'eid'],
  claims: { openid: ['sub'], profile: ['given_name', 'family_name'], email: ['email'] },
  // Names in the ID token itself, as LuxTrust's tokens carry them.
  conformIdTokenClaims: false,
  async findAccount(_ctx, sub) {
    return {
      accountId: sub,
      async claims() {
        return { sub, given_name: 'Interop', family_name: sub, email: `${sub}@example.lu` };
      },
    };
  },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['alarmis-interop-test-only'] },
});

provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
