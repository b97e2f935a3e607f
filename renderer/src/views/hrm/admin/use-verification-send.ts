import { useI18n } from 'vue-i18n';
import type { AdminUserView } from '@shared/contract';

/** The verification button an admin has for a user: its text and its accessible name. */
export interface VerificationSend {
  text: string;
  label: string;
}

/**
 * Which verification the admin can send a user, the same in the users table and beside the
 * cutover switch: "Resend" while a code is out, "Send" to the suggested address when nothing was
 * sent yet, none for a linked user or one without an address. Both emit `resend` to AdminView.
 */
export function useVerificationSend(): (user: AdminUserView) => VerificationSend | null {
  const { t } = useI18n();
  return (u) => {
    if (u.status === 'pending') return { text: t('admin.users.resend'), label: t('admin.users.resendLabel', { name: u.name }) };
    if (u.status === 'none' && u.suggestedEmail) {
      return { text: t('admin.users.send'), label: t('admin.users.sendLabel', { name: u.name, email: u.suggestedEmail }) };
    }
    return null;
  };
}
