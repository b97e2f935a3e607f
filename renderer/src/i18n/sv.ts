/**
 * The app shell, authenticator and settings texts (Swedish, the source shape). en.ts is typed
 * with `AppMessages`, so both languages always have the same keys (the unit test also checks
 * that no text is empty and that both use the same {placeholders}).
 * vue-i18n syntax: `{name}` interpolates, `a | b` separates plural forms. Never write a literal
 * at-sign, pipe or curly brace in a text.
 * Error messages live under `errors.<code>`, one per stable code main can return.
 */
export const sv = {
  app: {
    name: 'Flex HRM',
    skipToContent: 'Hoppa till innehållet',
    startFailed: 'Flex HRM kunde inte starta',
    loading: 'Laddar…',
  },
  nav: {
    label: 'Huvudmeny',
    hrm: 'HRM',
    authenticator: 'Autentiserare',
    mailbox: 'Brevlåda',
    settings: 'Inställningar',
    pushCount: '1 inloggningsförfrågan väntar | {n} inloggningsförfrågningar väntar',
  },
  common: {
    cancel: 'Avbryt',
    save: 'Spara',
    close: 'Stäng',
    tryAgain: 'Försök igen',
    optional: '(valfritt)',
  },
  toast: {
    dismiss: 'Stäng meddelandet',
  },
  authenticator: {
    title: 'Autentiserare',
    intro: 'Engångskoder för tvåstegsverifiering. Koderna skapas på den här datorn, även utan nätverk.',
    add: 'Lägg till konto',
    search: 'Sök bland konton',
    searchPlaceholder: 'Sök på tjänst eller konto',
    listLabel: 'Konton',
    count: 'Inga konton | 1 konto | {n} konton',
    loading: 'Hämtar konton…',
    emptyTitle: 'Inga konton än',
    emptyText: 'Lägg till kontot för en tjänst med den hemliga nyckel eller länk som tjänsten visar när du slår på tvåstegsverifiering.',
    noMatch: 'Inga konton matchar ”{query}”.',
    clearSearch: 'Rensa sökningen',
    loadFailed: 'Kontona kunde inte hämtas. {reason}',
    keychain: {
      lockedTitle: 'Nyckelringen är låst',
      lockedText:
        'Koderna skapas från nycklar som ligger i operativsystemets nyckelring. Lås upp den (till exempel genom att logga in på datorn igen eller öppna nyckelhanteraren) och välj sedan Försök igen.',
      unavailableTitle: 'Ingen nyckelring hittades',
      unavailableText:
        'Flex HRM sparar nycklarna bara i operativsystemets nyckelring, aldrig i klartext. Starta nyckelringen (på Linux till exempel GNOME-nyckelringen eller KeePassXC med Secret Service påslaget) och välj sedan Försök igen.',
    },
  },
  account: {
    copy: 'Kopiera koden för {name}',
    copied: 'Koden för {name} är kopierad.',
    copyFailed: 'Koden kunde inte kopieras. Markera den och kopiera den själv.',
    copiedClears: 'Koden för {name} är kopierad. Urklippet töms om {seconds} sekunder.',
    hotpNext: 'Nästa kod',
    hotpNextFor: 'Nästa kod för {name}',
    hotpNextDone: 'Ny kod för {name}.',
    nextCode: 'Nästa: {code}',
    changesIn: 'Byts om {seconds} s',
    counter: 'Räknare: {counter}',
    hotp: 'Räknarbaserad kod (HOTP)',
    noCode: 'Ingen kod: nyckeln finns inte i nyckelringen.',
    pinned: 'Fäst',
    pin: 'Fäst {name} överst',
    unpin: 'Lossa {name}',
    moveUp: 'Flytta upp {name}',
    moveDown: 'Flytta ned {name}',
    rename: 'Redigera {name}',
    delete: 'Ta bort {name}',
    pinDone: '{name} är fäst överst.',
    unpinDone: '{name} är inte längre fäst.',
    renameTitle: 'Redigera konto',
    issuer: 'Tjänst',
    label: 'Kontonamn',
    renameDone: 'Namnet är ändrat.',
    deleteTitle: 'Ta bort {name}?',
    deleteText:
      'Koden försvinner från den här datorn och nyckeln tas bort från nyckelringen. Stäng först av tvåstegsverifieringen hos tjänsten, eller se till att du kan logga in på något annat sätt.',
    deleteConfirm: 'Ta bort kontot',
    deleteDone: '{name} är borttaget.',
  },
  addAccount: {
    title: 'Lägg till konto',
    back: 'Tillbaka till autentiseraren',
    intro:
      'När du slår på tvåstegsverifiering hos en tjänst visar den en QR-kod och en hemlig nyckel. Läs av QR-koden från skärmen eller en bild, ange nyckeln eller klistra in tjänstens otpauth-länk.',
    added: '{name} är tillagt.',
    failed: 'Kontot lades inte till. {reason}',
    tooLong: 'Texten är för lång (högst {max} tecken).',
    manual: {
      title: 'Ange nyckeln',
      issuer: 'Tjänst',
      issuerHint: 'Till exempel GitHub eller Visma Connect.',
      label: 'Kontonamn',
      labelHint: 'Oftast din e-postadress eller ditt användarnamn.',
      secret: 'Hemlig nyckel',
      secretHint: 'Bokstäverna A–Z och siffrorna 2–7, som tjänsten visar under QR-koden. Mellanslag gör inget.',
      advanced: 'Avancerat',
      advancedHint: 'Ändra bara om tjänsten anger andra värden.',
      type: 'Typ',
      totp: 'Tidsbaserad (TOTP)',
      hotp: 'Räknarbaserad (HOTP)',
      algorithm: 'Algoritm',
      digits: 'Antal siffror',
      period: 'Giltighetstid (sekunder)',
      counter: 'Räknare',
      submit: 'Lägg till',
    },
    uri: {
      title: 'Klistra in en länk',
      field: 'otpauth-länk',
      hint: 'Börjar med otpauth:// eller otpauth-migration:// (export från Google Authenticator).',
      submit: 'Lägg till från länken',
    },
  },
  settings: {
    title: 'Inställningar',
    clipboard: {
      title: 'Kopiera koder',
      clear: 'Töm urklipp efter kopiering',
      hint: 'En kopierad kod tas bort från urklipp efter {seconds} sekunder, om du inte har kopierat något annat sedan dess. I skrivbordsappen hålls koden också utanför urklippshistoriken där datorn tillåter det.',
      on: 'Kopierade koder töms efter {seconds} sekunder.',
      off: 'Kopierade koder ligger kvar i urklipp.',
    },
    language: {
      title: 'Språk',
      intro: 'Språket i Flex HRM och i e-post som appen ber servern skicka.',
      system: 'Samma som datorn ({language})',
      saved: 'Språket är ändrat.',
    },
    server: {
      title: 'Server',
      text: 'Vilken server Flex HRM loggar in mot.',
      change: 'Byt server',
    },
    about: {
      title: 'Om Flex HRM',
      version: 'Version',
      host: 'Körs som',
      electron: 'Skrivbordsapp',
      browserHost: 'Webbläsarvärd (utveckling och test)',
    },
  },
  /** Language names are written in their own language, in every locale. */
  languages: {
    sv: 'Svenska',
    en: 'English',
  },
};

export type AppMessages = typeof sv;
