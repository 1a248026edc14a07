// The explorer's Content-Security-Policy, one definition for the header `litgraph serve` sends and
// the <meta> element the built site carries for static hosts: no inline script or style, no eval,
// scripts and workers only from the site itself, and connections only to the site, to https hosts
// (a `?graph=` on another site, opened only after the reader agrees) and to data: URLs.

/** Directives that a <meta> element can carry. */
const DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ["default-src", "'none'"],
  ["script-src", "'self'"],
  ["style-src", "'self'"],
  ["img-src", "'self' data: blob:"],
  ["font-src", "'self'"],
  ["connect-src", "'self' https: data:"],
  ["worker-src", "'self'"],
  ["manifest-src", "'self'"],
  ["base-uri", "'none'"],
  ["form-action", "'none'"],
  ["object-src", "'none'"],
];

/** The policy as a <meta http-equiv> value (frame-ancestors has no effect there). */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.map(([k, v]) => `${k} ${v}`).join("; ");

/** The policy as an HTTP header: the same, and the page may not be framed by other sites. */
export const CONTENT_SECURITY_POLICY = `${CONTENT_SECURITY_POLICY_META}; frame-ancestors 'none'`;
