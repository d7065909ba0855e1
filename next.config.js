// @ts-check
const securityHeaders = [
  // Agent pages are never framed; the embeddable widget route will relax frame-ancestors for itself only.
  {
    key: 'Content-Security-Policy',
    value: [
      "default-src 'self'",
      // Next's hydration uses inline scripts; the dev server also needs eval.
      `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: https:",
      "font-src 'self'",
      "connect-src 'self' ws: wss:",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ].join('; '),
  },
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
