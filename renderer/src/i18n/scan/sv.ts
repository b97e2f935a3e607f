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
    exists: '{name} finns redan i Authenticator och lades inte till igen.',
    noneAdded: 'Inget nytt konto lades till.',
    overlay: {
      title: 'Markera QR-koden',
      instructions: 'Dra en ram runt QR-koden. Med tangentbordet: piltangenterna flyttar ramen, Skift och piltangenterna ändrar storleken, Enter läser av och Escape avbryter.',
      selection: 'Markerat område på skärmbilden',
      read: 'Läs markerat område',
      cancel: 'Avbryt',
      screen: 'Skärm {n}',
      screens: 'Välj skärm',
    },
    errors: {
      qr: {
        'no-qr-found': 'Ingen QR-kod hittades. Se till att hela koden syns och inte är för liten, och försök igen. Du kan också markera området själv eller använda en bild.',
        'unsupported-image': 'Filen är ingen bild som kan läsas. Använd en PNG- eller JPEG-bild.',
        'image-too-large': 'Bilden är för stor. Använd en mindre bild eller en skärmbild av bara QR-koden.',
        'decode-timeout': 'Det tog för lång tid att läsa bilden. Försök igen, eller markera ett mindre område.',
        'decoder-crashed': 'QR-läsaren slutade fungera. Försök igen.',
        'invalid-frame': 'Skärmbilden gick inte att läsa. Försök igen.',
      },
      otp: {
        'not-an-authenticator-code': 'QR-koden är inte till för en autentiseringsapp (den är till exempel en webbadress). Använd QR-koden som tjänsten visar när du slår på tvåstegsverifiering.',
      },
      invalidCode: 'QR-koden är till för en autentiseringsapp men kan inte användas: {reason}',
      capture: {
        'permission-denied': 'Appen får inte ta bilder av skärmen. Öppna Systeminställningar > Integritet och säkerhet > Skärminspelning, slå på Flex HRM Connect och starta om appen. Du kan också välja en bild eller klistra in en.',
        unavailable: 'Det går inte att ta en bild av skärmen här (till exempel under Wayland utan skärmdelningsportal). Ta en skärmbild själv och välj den med ”Välj bild…”, dra in den hit eller klistra in den med {shortcut}.',
        'not-supported': 'Den här versionen av appen kan inte ta bilder av skärmen. Välj en bild eller klistra in en.',
        cancelled: 'Skärmdelningen avbröts, så ingen bild togs.',
      },
      scan: {
        'capture-expired': 'Skärmbilden är för gammal. Markera området igen.',
        'region-empty': 'Området är för litet. Dra en större ram runt QR-koden.',
      },
      image: {
        'too-large': 'Bilden är för stor (högst {max} MB).',
        'not-an-image': 'Det är ingen bild. Använd en PNG- eller JPEG-bild av QR-koden.',
      },
    },
  },
};

export type ScanMessages = typeof scanSv;
