/** The part of steam-totp (MIT, github.com/DoctorMcKay/node-steam-totp) this app uses; it ships no types. */
declare module 'steam-totp' {
  /** The 5-character Steam Guard code at the local time plus `timeOffset` seconds. */
  export function generateAuthCode(secret: Buffer | string, timeOffset?: number): string;
  const steamTotp: { generateAuthCode: typeof generateAuthCode };
  export default steamTotp;
}
