// electron-builder afterSign hook: notarises the signed macOS app with Apple's notary service when
// credentials are in the environment (an App Store Connect API key, or an Apple ID with an
// app-specific password and team id), and says it skipped otherwise. Off on every other platform.
/** The @electron/notarize options for this environment, or null (not configured). */
export function notarizeOptions(env, appPath) {
  if (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER) {
    return { appPath, appleApiKey: env.APPLE_API_KEY, appleApiKeyId: env.APPLE_API_KEY_ID, appleApiIssuer: env.APPLE_API_ISSUER };
  }
  if (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) {
    return { appPath, appleId: env.APPLE_ID, appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD, teamId: env.APPLE_TEAM_ID };
  }
  return null;
}

export default async function afterSign(context) {
  if (context.electronPlatformName !== 'darwin') return;
  const appPath = `${context.appOutDir}/${context.packager.appInfo.productFilename}.app`;
  const options = notarizeOptions(process.env, appPath);
  if (!options) {
    console.log(
      '  • notarisation skipped: set APPLE_API_KEY/APPLE_API_KEY_ID/APPLE_API_ISSUER or APPLE_ID/APPLE_APP_SPECIFIC_PASSWORD/APPLE_TEAM_ID',
    );
    return;
  }
  const { notarize } = await import('@electron/notarize');
  await notarize(options);
}
