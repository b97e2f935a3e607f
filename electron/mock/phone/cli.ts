import { createInterface } from 'node:readline/promises';
import { SimulatedPhone } from './simulated-phone';

/**
 * `npm run phone -- --server http://127.0.0.1:PORT`: a simulated phone with Visma Authenticator
 * in the terminal. Paste the key shown under "Can't scan the QR code?", check the verification
 * code on the consent screen, then answer push sign-ins by typing the number shown on screen.
 */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--server');
  const server = at >= 0 ? process.argv[at + 1] : undefined;
  if (!server) {
    console.error('Usage: npm run phone -- --server http://127.0.0.1:PORT');
    process.exit(2);
  }
  const phone = new SimulatedPhone(server);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const key = await rl.question("Account secret key (or the QR code's URI): ");
  const added = await phone.register(key);
  console.log(`Account ${added.email} added. Verification code: ${added.verificationCode}`);
  for (;;) {
    const [request] = await phone.pending().catch(() => []);
    if (!request) {
      await new Promise((r) => setTimeout(r, 1000));
      continue;
    }
    console.log(`Sign-in request for ${request.email} from ${request.location.device} (${request.location.country}).`);
    const answer = (await rl.question(`Type the number shown on screen (${request.choices.join(' / ')}), or "d" to deny: `)).trim();
    try {
      const state = await phone.answer(request.id, answer !== 'd', answer === 'd' ? undefined : answer);
      console.log(state === 'approved' ? 'Approved.' : 'Denied.');
    } catch (e) {
      console.log(`Refused: ${(e as Error).message === 'push.number-mismatch' ? 'wrong number' : (e as Error).message}`);
    }
  }
}

void main();
