// The OpenID Provider of the portal's sign-in tests: panva/oidc-provider (OpenID certified), started by
// OidcSignInTest as a CA's single sign-on would run. Its development login screen takes any login name
// as the account id, which becomes the ID token's "sub" (the tests sign in with a TCKN there).
// Arguments: port, the portal's callback, the portal's page after sign-out, a file with the client secret.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const [port, callback, afterSignOut, secretFile] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [{
    client_id: 'regdesk-portal',
    client_secret: readFileSync(secretFile, 'utf8').trim(),
    redirect_uris: [callback],
    post_logout_redirect_uris: [afterSignOut],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  pkce: { required: () => true, methods: ['S256'] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  cookies: { keys: ['regdesk-test-provider-cookies'] },
  ttl: { AuthorizationCode: 60, IdToken: 300, Session: 600, Interaction: 600, Grant: 600 },
});
provider.on('server_error', (ctx, error) => console.error('server_error', error));
provider.listen(Number(port), '127.0.0.1', () => console.log(`READY ${issuer}`));
