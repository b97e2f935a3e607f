/**
 * The desktop shell's texts (Swedish, the source shape; en.ts is typed with it): notifications,
 * the tray and application menus, start-up failure and crash dialogs, and the Settings cards for
 * the tray, start at login, logs and updates. One catalogue for both sides: the renderer merges it
 * into its messages, and electron/main/texts.ts reads the same objects (hence in shared/) for what main shows itself,
 * in the language chosen in Settings (not the OS's).
 * vue-i18n syntax: `{name}` interpolates. Never write a literal at-sign, pipe or curly brace.
 */
export const desktopSv = {
  desktop: {
    notification: {
      pushTitle: 'Godkänn inloggning',
      pushBody: 'En inloggning med Connect väntar på ditt godkännande i Authenticator.',
      updateTitle: 'Uppdatering klar',
      updateBody: 'Version {version} installeras när du startar om Flex HRM.',
    },
    tray: {
      tooltip: 'Flex HRM Connect',
      open: 'Öppna Flex HRM',
      approve: 'Godkänn väntande inloggning',
      quit: 'Avsluta',
      stillRunningTitle: 'Flex HRM körs fortfarande',
      stillRunningBody: 'Appen ligger kvar i systemfältet så att inloggningar att godkänna når dig. Du kan ändra det i Inställningar.',
    },
    menu: {
      about: 'Om {name}',
      settings: 'Inställningar…',
      hide: 'Göm {name}',
      hideOthers: 'Göm övriga',
      showAll: 'Visa alla',
      quit: 'Avsluta {name}',
      file: 'Arkiv',
      close: 'Stäng fönster',
      edit: 'Redigera',
      undo: 'Ångra',
      redo: 'Gör om',
      cut: 'Klipp ut',
      copy: 'Kopiera',
      paste: 'Klistra in',
      selectAll: 'Markera allt',
      view: 'Visa',
      reload: 'Läs in igen',
      devTools: 'Utvecklarverktyg',
      resetZoom: 'Verklig storlek',
      zoomIn: 'Zooma in',
      zoomOut: 'Zooma ut',
      fullScreen: 'Helskärm',
      window: 'Fönster',
      minimize: 'Minimera',
      zoom: 'Zooma',
      front: 'Lägg alla överst',
      help: 'Hjälp',
      openLogs: 'Öppna loggmappen',
      aboutText: 'Version {version}',
    },
    startup: {
      title: 'Flex HRM kunde inte starta',
      retry: 'Försök igen',
      quit: 'Avsluta',
      copyDetails: 'Kopiera detaljer',
      openDataFolder: 'Öppna datamappen',
      newerDb:
        'Appens data sparades av en nyare version av Flex HRM. Installera den nyare versionen; den här versionen kan inte läsa datan utan att förstöra den.',
      corruptDb:
        'Appens databas är skadad och kan inte läsas. Öppna datamappen och flytta undan app.db (dina nycklar finns kvar i nyckelringen), eller återställ en säkerhetskopia, och försök sedan igen.',
      portInUse:
        'Den inbyggda inloggningsservern kunde inte starta eftersom porten redan används av ett annat program. Stäng det programmet eller välj en annan port, och försök igen.',
      keychainMissing:
        'Ingen nyckelring hittades. Flex HRM sparar nycklar bara i operativsystemets nyckelring. Starta nyckelringen (i Linux till exempel GNOME Keyring) och försök igen.',
      keychainLocked: 'Nyckelringen är låst. Lås upp den och försök igen.',
      unknown: 'Ett oväntat fel stoppade starten. Kopiera detaljerna och skicka dem till supporten om det händer igen.',
    },
    crash: {
      title: 'Flex HRM slutade svara',
      renderer: 'Fönstret kraschade två gånger i rad ({reason}). Läs in det igen eller avsluta.',
      child: 'En del av appen ({process}) stannade ({reason}). Läs in fönstret igen om något inte fungerar.',
      reload: 'Läs in igen',
      quit: 'Avsluta',
      ok: 'OK',
    },
    prefs: {
      title: 'Skrivbordsappen',
      closeToTray: 'Behåll appen i systemfältet när fönstret stängs',
      closeToTrayHint: 'Så når inloggningar att godkänna dig även när fönstret är stängt. Avsluta appen från ikonen i systemfältet.',
      startAtLogin: 'Starta när jag loggar in på datorn',
      startAtLoginHint: 'Appen startar i systemfältet, utan fönster.',
      saved: 'Inställningen är sparad.',
    },
    diagnostics: {
      logFolder: 'Loggmapp',
      noLogFolder: 'Loggarna skrivs till terminalen (webbläsarvärden).',
      copy: 'Kopiera diagnostik',
      copied: 'Diagnostiken är kopierad. Klistra in den i ditt meddelande till supporten.',
      copyFailed: 'Diagnostiken kunde inte kopieras.',
      hint: 'Versioner och de senaste felen, utan lösenord, koder eller nycklar.',
      update: 'Uppdateringar',
      updateOff: 'Automatiska uppdateringar är inte inställda i den här installationen.',
      updateIdle: 'Appen är uppdaterad.',
      updateChecking: 'Söker efter uppdateringar…',
      updateDownloading: 'Laddar ned version {version}…',
      updateReady: 'Version {version} är nedladdad.',
      updateError: 'Det gick inte att söka efter uppdateringar. Appen försöker igen senare.',
      restart: 'Starta om och uppdatera',
    },
  },
};

export type DesktopMessages = typeof desktopSv;
