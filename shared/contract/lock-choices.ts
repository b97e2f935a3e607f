/** Zod-free constants of the app lock the renderer needs at run time. Auto-lock choices in minutes; 0 = never. */
export const AUTO_LOCK_CHOICES = [0, 1, 2, 5, 10, 15, 30, 60] as const;
