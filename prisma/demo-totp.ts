/**
 * The demo trainer's and platform admin's authenticator-app secret (base32), printed by `npm start`
 * and listed in the README so that a visitor can add it to any authenticator app: Circle requires
 * two-step sign-in of trainers and platform admins. Never used outside demo data. A module of its
 * own so that the browser tests can compute codes without loading the seed.
 */
export const DEMO_TOTP_SECRET = 'CIRCLEDEMOSECRETJBSWY3DPEHPK3PXP'
/** The demo accounts that sign in with DEMO_TOTP_SECRET as their second factor. */
export const DEMO_TOTP_ACCOUNTS: readonly string[] = ['trainer@circle.example', 'admin@circle.example']
