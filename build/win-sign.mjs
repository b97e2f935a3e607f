// electron-builder custom Windows signing hook (win.signtoolOptions.sign). Signing is driven by the
// environment and off when nothing is set:
// - FLEX_WIN_SIGN_COMMAND: a command that signs one file in place, "{file}" standing for its path
//   (for example AzureSignTool or a cloud HSM's signtool wrapper; secrets stay in its own env);
// - otherwise nothing is signed here (electron-builder's own CSC_LINK / WIN_CSC_LINK certificate
//   signing does not use this hook).
import { spawnSync } from 'node:child_process';

/** The command line for one file, or null (not configured). The path is quoted, never split. */
export function signCommand(env, file) {
  const template = env.FLEX_WIN_SIGN_COMMAND;
  if (!template) return null;
  if (!template.includes('{file}')) throw new Error('FLEX_WIN_SIGN_COMMAND must contain {file}');
  if (/["\r\n]/.test(file)) throw new Error(`Refusing to sign a path with quotes or newlines: ${file}`);
  return template.split('{file}').join(`"${file}"`);
}

export default async function sign(configuration) {
  const command = signCommand(process.env, configuration.path);
  if (!command) return;
  const result = spawnSync(command, { shell: true, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`Signing ${configuration.path} failed (exit ${result.status})`);
}
