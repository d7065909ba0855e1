// @ts-check
// The Content-Security-Policy, with a nonce per response, is set by the custom server (server/http/page-csp.ts).
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3'],
  typescript: { ignoreBuildErrors: false },
  // The public form's server action carries its file uploads; each file is then held to ATTACHMENT_MAX_MB.
  experimental: { serverActions: { bodySizeLimit: '50mb' } },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
