import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import { ACCOUNT_TEXT_LIMITS } from '@shared/contract/names';
import type { AddAccountRequest } from '@shared/contract';
import { useErrorMessage } from '@/composables/use-error-message';
import { useToastStore } from '@/stores/toasts';
import { useBusy } from '@/stores/use-call-state';
import { useVaultStore } from '@/stores/vault';
import { accountName } from '@/format/account-name';
import { fieldOfError, type AddField } from './add-errors';

const MAX_LENGTH: Partial<Record<AddField, number>> = ACCOUNT_TEXT_LIMITS;

/**
 * Submitting either add form: on success back to the list with a message; on failure the error
 * text goes next to the field it concerns (or to the form), and that field gets the focus.
 */
export function useAddAccount(source: 'manual' | 'uri') {
  const vault = useVaultStore();
  const toasts = useToastStore();
  const router = useRouter();
  const { t } = useI18n();
  const message = useErrorMessage();
  const { busy, during } = useBusy();
  const fieldErrors = ref<Partial<Record<AddField, string>>>({});
  const formError = ref<string | null>(null);

  async function submit(request: AddAccountRequest): Promise<AddField | null> {
    fieldErrors.value = {};
    formError.value = null;
    const res = await during(() => vault.add(request));
    if (res.ok) {
      toasts.success(t('addAccount.added', { name: accountName(res.value) }));
      await router.push({ name: 'authenticator' });
      return null;
    }
    const field = fieldOfError(res.error, source);
    const max = field ? MAX_LENGTH[field] : undefined;
    const text =
      res.error.code === 'field.invalid' && res.error.params?.reason === 'too_big' && max
        ? t('addAccount.tooLong', { max })
        : message(res.error);
    if (field) fieldErrors.value = { [field]: text };
    else formError.value = t('addAccount.failed', { reason: text });
    return field;
  }

  return { busy, fieldErrors, formError, submit };
}
