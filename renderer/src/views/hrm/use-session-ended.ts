import { watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useSessionStore } from '@/stores/session';

/**
 * For the screens behind the sign-in (My Profile, administration, the Connect account page):
 * when the server ends the session (it expired or was revoked; main finds out on any call and
 * signs out with the reason), go to the sign-in, which says why, keeping where the user was.
 */
export function useLeaveWhenSessionEnds(): void {
  const session = useSessionStore();
  const router = useRouter();
  const route = useRoute();
  // Subscribes to main's session events (once per window) so the end is heard here too.
  void session.load();
  watch(
    () => session.ended,
    (how) => {
      if (how) void router.replace({ name: 'hrm', query: { next: route.fullPath } });
    },
    { immediate: true },
  );
}
