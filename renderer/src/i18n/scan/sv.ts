/**
 * Reading QR codes into the authenticator (Swedish, the source shape; en.ts is typed with it).
 * Top-level key `scan`. Error texts: `scan.errors.<code>` for the codes the scan channels and the
 * page's own screen capture give; other codes fall back to the app's `errors.*`.
 * vue-i18n syntax: `{name}` interpolates. Never write a literal at-sign, pipe or curly brace.
 */
export const scanSv = {
  scan: {
    title: 'Läs en QR-kod',
    intro: 'Visa tjänstens QR-kod på skärmen och läs av den. Eller använd en bild av koden.',
    screens: 'Läs av skärmarna',
    screensHint: 'Läser alla skärmar med ett klick.',
    area: 'Markera område',
    areaHint: 'Välj själv var på skärmen koden finns.',
    image: 'Välj bild…',
    imageLabel: 'Bild med QR-kod',
    drop: 'Släpp en bild på QR-koden här, eller klistra in den med {shortcut}.',
    dropActive: 'Släpp bilden för att läsa den',
    busy: 'Läser QR-koden…',
    capturing: 'Tar en bild av skärmen…',
    addedOne: '{name} är tillagt.',
    addedMany: '{count} konton är tillagda.',
    resultTitle: 'Resultat av avläsningen',
    added: '{name}: tillagt',
    exists: '{name} finns redan i autentiseraren och lades inte till igen.',
    noneAdded: 'Inget nytt konto lades till.',
    overlay: {
      title: 'Markera QR-koden',
      instructions:
        'Dra en ram runt QR-koden. Med tangentbordet: piltangenterna flyttar ramen, Skift och piltangenterna ändrar storleken, Enter läser av och Escape avbryter.',
      selection: 'Markerat område på skärmbilden',
      read: 'Läs markerat område',
      cancel: 'Avbryt',
      screen: 'Skärm {n}',
      screens: 'Välj skärm',
    },
    errors: {
      otp: {
        'not-an-authenticator-code':
          'QR-koden är inte till för en autentiseringsapp (den är till exempel en webbadress). Använd QR-koden som tjänsten visar när du slår på tvåstegsverifiering.',
      },
      invalidCode: 'QR-koden är till för en autentiseringsapp men kan inte användas: {reason}',
    },
  },
};

export type ScanMessages = typeof scanSv;
