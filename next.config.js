/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Prisma's generated client and pg stay on the server, loaded by Node.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'bcryptjs', 'exceljs', 'pdfkit'],
  experimental: {
    // A 20 MB case-file index arrives base64-encoded (about 27 MB).
    serverActions: { bodySizeLimit: '28mb' },
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

export default nextConfig;
